//! The index as the cache stores it: a few runs of fixed-width little-endian records and the
//! two text arenas, each validated once when read. Decoding is a tight loop over each run, with
//! no per-record allocation and no variable-length numbers; anything malformed is `None`.
//!
//! Layout: six u32 counts (entries, fields, variants, sound bytes, display bytes, folded
//! bytes), then the entries (29 bytes each), fields (13), variants (22), sound bytes, display
//! text and folded text.

use super::{Entry, Field, FieldKind, Packed, SearchIndex};
use crate::directory::Target;
use crate::search::fold::Style;
use crate::search::sound::Sounds;

const ENTRY: usize = 29;
const FIELD: usize = 13;
const VARIANT: usize = 22;

fn u32_at<const N: usize>(bytes: &[u8; N], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn kind_of(byte: u8) -> Option<FieldKind> {
    FieldKind::ALL.get(usize::from(byte)).copied()
}

fn kind_byte(kind: FieldKind) -> u8 {
    FieldKind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

fn style_byte(style: Style) -> u8 {
    Style::ALL.iter().position(|&s| s == style).unwrap_or(0) as u8
}

/// Appends the stored form of `index` to `out`.
pub fn encode(index: &SearchIndex, out: &mut Vec<u8>) {
    let sounds = index.sounds.bytes();
    let counts = [
        index.entries.len(),
        index.fields.len(),
        index.variants.len(),
        sounds.len(),
        index.display.len(),
        index.folded.len(),
    ];
    out.reserve(24 + ENTRY * counts[0] + FIELD * counts[1] + VARIANT * counts[2] + counts[3] + counts[4] + counts[5]);
    counts.iter().for_each(|&n| out.extend((n as u32).to_le_bytes()));
    for entry in &index.entries {
        let (tag, at) = match entry.target {
            Target::City(i) => (0u8, i),
            Target::Person(i) => (1, i),
            Target::Office => (2, 0),
            Target::Topic(i) => (3, i),
        };
        out.push(tag);
        out.extend((at as u32).to_le_bytes());
        let Entry { target: _, fields, variants, sounds } = *entry;
        for n in [fields.0, fields.1, variants.0, variants.1, sounds.0, sounds.1] {
            out.extend(n.to_le_bytes());
        }
    }
    for field in &index.fields {
        let Field { kind, start, len, char_len } = *field;
        out.push(kind_byte(kind));
        [start, len, char_len].iter().for_each(|n| out.extend(n.to_le_bytes()));
    }
    for variant in &index.variants {
        let Packed { mask, start, len, field, kind, style } = *variant;
        out.extend(mask.to_le_bytes());
        [start, len, field].iter().for_each(|n| out.extend(n.to_le_bytes()));
        out.push(kind_byte(kind));
        out.push(style_byte(style));
    }
    out.extend_from_slice(sounds);
    out.extend_from_slice(index.display.as_bytes());
    out.extend_from_slice(index.folded.as_bytes());
}

/// Splits `n` records of `width` bytes off the front of `bytes`.
fn take<'a>(bytes: &mut &'a [u8], n: usize, width: usize) -> Option<&'a [u8]> {
    let (run, rest) = bytes.split_at_checked(n.checked_mul(width)?)?;
    *bytes = rest;
    Some(run)
}

/// The index stored in `bytes` by [`encode`], if `bytes` hold exactly one. Its ranges are not
/// checked here: [`SearchIndex::fits`] does that against the directory.
pub fn decode(mut bytes: &[u8]) -> Option<SearchIndex> {
    let (head, _) = take(&mut bytes, 6, 4)?.as_chunks::<24>();
    let count = |i: usize| head.first().map_or(0, |head| u32_at(head, 4 * i) as usize);
    let entries = take(&mut bytes, count(0), ENTRY)?;
    let fields = take(&mut bytes, count(1), FIELD)?;
    let variants = take(&mut bytes, count(2), VARIANT)?;
    let sounds = take(&mut bytes, count(3), 1)?;
    let display = take(&mut bytes, count(4), 1)?;
    let folded = take(&mut bytes, count(5), 1)?;
    if !bytes.is_empty() {
        return None;
    }
    // Loops that push into a Vec of the final size: collecting into Option<Vec<_>> would grow
    // the Vec step by step, copying it each time.
    let mut entries_out = Vec::with_capacity(count(0));
    for e in entries.as_chunks::<ENTRY>().0 {
        let at = u32_at(e, 1) as usize;
        let target = match e[0] {
            0 => Target::City(at),
            1 => Target::Person(at),
            2 => Target::Office,
            3 => Target::Topic(at),
            _ => return None,
        };
        let n = |i: usize| u32_at(e, 5 + 4 * i);
        entries_out.push(Entry { target, fields: (n(0), n(1)), variants: (n(2), n(3)), sounds: (n(4), n(5)) });
    }
    let mut fields_out = Vec::with_capacity(count(1));
    for f in fields.as_chunks::<FIELD>().0 {
        fields_out.push(Field { kind: kind_of(f[0])?, start: u32_at(f, 1), len: u32_at(f, 5), char_len: u32_at(f, 9) });
    }
    let mut variants_out = Vec::with_capacity(count(2));
    for v in variants.as_chunks::<VARIANT>().0 {
        variants_out.push(Packed {
            mask: u64::from_le_bytes([v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]]),
            start: u32_at(v, 8),
            len: u32_at(v, 12),
            field: u32_at(v, 16),
            kind: kind_of(v[20])?,
            style: *Style::ALL.get(usize::from(v[21]))?,
        });
    }
    Some(SearchIndex {
        entries: entries_out,
        fields: fields_out,
        variants: variants_out,
        sounds: Sounds::from_bytes(sounds.to_vec()),
        display: String::from_utf8(display.to_vec()).ok()?,
        folded: String::from_utf8(folded.to_vec()).ok()?,
    })
}
