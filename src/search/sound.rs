//! Names as heard on the phone: a caller who hears "Brescia" may write "Brechia", one who hears
//! "Gyönk" writes "Djönk". Each word of a name is spelt the way its language is read ([`heard`]:
//! Hungarian `sz` is s and `gy` is dj, Polish `ł` is w, Spanish `ñ` is nj, Italian `sci` is shi,
//! German `z` is ts…), and each spelling, and each way a caller may have written the word, gets
//! sound codes: Kölner Phonetik for German ears, Double Metaphone (primary and alternate) for
//! other languages' sounds. Two words sound alike when they share a code.
//!
//! The index stores the codes of every name's words ([`super::index::SearchIndex::sounds`]); a
//! term that matches nothing, not even as a typo, is looked up there, and its hits are
//! approximate.

use rphonetic::{Cologne, DoubleMetaphone, Encoder};

mod heard;

use heard::readings_of_term;
pub use heard::{Reading, heard};

/// The shortest term compared by sound: "rom" and "usa" are too short to be heard as anything.
pub const SHORTEST: usize = 4;

/// The shortest code that counts: two sounds ("wien" → `FN`) say too little.
const SHORTEST_CODE: usize = 3;

impl Reading {
    // A reading is stored as its place in `ALL`, the declaration order.
    fn to_byte(self) -> u8 {
        Reading::ALL.iter().position(|r| *r == self).unwrap_or(0) as u8
    }

    fn from_byte(byte: u8) -> Option<Reading> {
        Reading::ALL.get(byte as usize).copied()
    }
}

/// The bytes before a word's codes: field (u32), start and length (u16 each), reading, count.
const WORD_HEAD: usize = 10;

/// The sound codes of every name's words, packed: per word its field, byte range, reading and
/// codes, little-endian. A cache stores them as one run of bytes and reads them back in one copy,
/// rather than as half a million records at 100,000 entries; a word is decoded only when a term
/// goes to the sound fallback.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sounds(Vec<u8>);

/// One word of a name, with its sound codes.
#[derive(Debug, Clone, Copy)]
pub struct HeardWord<'a> {
    /// Index of the field among its entry's fields.
    pub field: u32,
    /// Byte range of the word in the field's base-folded text, for highlighting.
    pub start: u16,
    /// Its length in bytes.
    pub len: u16,
    /// How the word is read.
    pub reading: Reading,
    keys: &'a [u8],
}

impl<'a> HeardWord<'a> {
    /// Its codes, hashed.
    pub fn keys(self) -> impl Iterator<Item = u32> + 'a {
        self.keys.chunks_exact(4).map(|k| u32::from_le_bytes([k[0], k[1], k[2], k[3]]))
    }
}

impl Sounds {
    /// Where the next word will start: the end of the words so far.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True if no word has been added.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The words as stored: one run of bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Words stored by [`Self::bytes`]; [`Self::fit`] says whether they are whole.
    pub fn from_bytes(bytes: Vec<u8>) -> Sounds {
        Sounds(bytes)
    }

    /// Adds a word and its codes (up to 255; a word has at most a dozen).
    fn push(&mut self, field: u32, start: u16, len: u16, reading: Reading, keys: &[u32]) {
        let keys = &keys[..keys.len().min(u8::MAX as usize)];
        self.0.extend(field.to_le_bytes());
        self.0.extend(start.to_le_bytes());
        self.0.extend(len.to_le_bytes());
        self.0.push(reading.to_byte());
        self.0.push(keys.len() as u8);
        keys.iter().for_each(|k| self.0.extend(k.to_le_bytes()));
    }

    /// The words stored in the byte range `range`; decoding stops at the first malformed word
    /// (which [`Self::fit`] rules out for a stored index).
    pub fn words(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = HeardWord<'_>> {
        let mut rest = self.0.get(range).unwrap_or_default();
        std::iter::from_fn(move || {
            let (head, after) = rest.split_at_checked(WORD_HEAD)?;
            let (keys, after) = after.split_at_checked(4 * head[9] as usize)?;
            let word = HeardWord {
                field: u32::from_le_bytes([head[0], head[1], head[2], head[3]]),
                start: u16::from_le_bytes([head[4], head[5]]),
                len: u16::from_le_bytes([head[6], head[7]]),
                reading: Reading::from_byte(head[8])?,
                keys,
            };
            rest = after;
            Some(word)
        })
    }

    /// True if the bytes in `range` are whole words of fields below `fields`.
    pub fn fit(&self, range: std::ops::Range<usize>, fields: u32) -> bool {
        let Some(mut rest) = self.0.get(range) else {
            return false;
        };
        while !rest.is_empty() {
            let Some((head, after)) = rest.split_at_checked(WORD_HEAD) else {
                return false;
            };
            let Some((_, after)) = after.split_at_checked(4 * head[9] as usize) else {
                return false;
            };
            if u32::from_le_bytes([head[0], head[1], head[2], head[3]]) >= fields
                || Reading::from_byte(head[8]).is_none()
            {
                return false;
            }
            rest = after;
        }
        true
    }
}

/// The sound codes of one plain word, hashed: Kölner Phonetik, Double Metaphone's primary and
/// alternate codes.
fn codes(word: &str, out: &mut Vec<u32>) {
    let word: String = word.chars().filter(char::is_ascii_alphabetic).collect();
    if word.len() < 2 {
        return;
    }
    let metaphone = DoubleMetaphone::new(Some(6)).double_metaphone(&word);
    let kolner = Cologne.encode(&word);
    // The spelling itself, for names too short for a telling code ("troa" for Troyes).
    let spelt = if word.len() >= SHORTEST { word.clone() } else { String::new() };
    for (tag, code) in [(b'S', spelt), (b'K', kolner), (b'P', metaphone.primary()), (b'P', metaphone.alternate())] {
        if code.len() >= SHORTEST_CODE {
            // The lowest bit tells a spelling from a code ([`weight`]).
            let hash = xxhash_rust::xxh3::xxh3_64_with_seed(code.as_bytes(), u64::from(tag)) as u32 & !1;
            let key = hash | u32::from(tag == b'S');
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
}

/// How much a shared key says: a shared spelling as much as two codes that agree.
pub fn weight(key: u32) -> usize {
    1 + (key & 1) as usize
}

/// How much a word must share with a term to be heard as it: two codes (Kölner Phonetik and
/// Double Metaphone agreeing) or the same spelling. One code alone is shared by too many names.
pub const ENOUGH: usize = 2;

/// The sound codes a term may stand for, or none when it is too short to be heard as a name.
pub fn term_codes(term: &str) -> Vec<u32> {
    let mut out = Vec::new();
    if term.len() >= SHORTEST && term.bytes().all(|b| b.is_ascii_alphabetic()) {
        for reading in readings_of_term(term) {
            codes(&reading, &mut out);
        }
    }
    out
}

/// True if the folded `term` is spelt close enough to the name's `word` (lower case, as
/// displayed), as written or as its language reads it, to be that word heard: a shared sound
/// code alone would make "Paris" of "Prusa" and "Brescia". One letter may differ in a term of up
/// to five letters, two in a longer one.
pub fn spelt_alike(term: &str, word: &str, reading: Reading) -> bool {
    let budget = if term.len() <= 5 { 1 } else { 2 };
    let mut spellings = vec![super::fold::fold_str(word), heard(word, reading)];
    if reading == Reading::French {
        spellings.push(heard(word, Reading::FrenchAsWritten));
    }
    readings_of_term(term)
        .iter()
        .any(|t| spellings.iter().any(|w| w.len().abs_diff(t.len()) <= budget && strsim::osa_distance(t, w) <= budget))
}

/// Appends the sounds of every word of a name's displayed `text` (field `field`, read as
/// `reading`): the codes of the word as spelt and as its language reads it.
pub fn name_sounds(text: &str, reading: Reading, field: u32, out: &mut Sounds) {
    let lower = text.to_lowercase();
    let folded = super::fold::fold_str(text);
    let mut keys = Vec::new();
    // Words of the displayed text and of the folded text, in step: folding keeps word breaks.
    let shown = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let mut offset = 0;
    let plain = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter_map(|w| {
        let start = offset + folded[offset..].find(w)?;
        offset = start + w.len();
        (!w.is_empty()).then_some((start, w))
    });
    for (word, (start, plain)) in shown.zip(plain) {
        if plain.len() < SHORTEST - 1 || start > u16::MAX as usize || plain.len() > u16::MAX as usize {
            continue;
        }
        keys.clear();
        codes(plain, &mut keys);
        codes(&heard(word, reading), &mut keys);
        if reading == Reading::French {
            codes(&heard(word, Reading::FrenchAsWritten), &mut keys);
        }
        if !keys.is_empty() {
            out.push(field, start as u16, plain.len() as u16, reading, &keys);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sound_alike(term: &str, name: &str, reading: Reading) -> bool {
        let mut sounds = Sounds::default();
        name_sounds(name, reading, 0, &mut sounds);
        let codes = term_codes(term);
        let shared: usize =
            sounds.words(0..sounds.len()).flat_map(|w| w.keys()).filter(|k| codes.contains(k)).map(weight).sum();
        shared >= ENOUGH
            && name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| spelt_alike(term, w, reading))
    }

    #[test]
    fn names_as_heard_sound_alike() {
        for (term, name, reading) in [
            ("brechia", "Brescia", Reading::Italian),
            ("brescha", "Brescia", Reading::Italian),
            ("grats", "Graz", Reading::German),
            ("djonk", "Gyönk", Reading::Hungarian),
            ("segedd", "Szeged", Reading::Hungarian),
            ("logronjo", "Logroño", Reading::Spanish),
            ("pwotsk", "Płock", Reading::Polish),
            ("trwa", "Troyes", Reading::French),
            ("troa", "Troyes", Reading::French),
            ("schewe", "Schewe", Reading::German),
        ] {
            assert!(sound_alike(term, name, reading), "{term} ~ {name}");
        }
        for (term, name, reading) in [
            ("wien", "Masowien", Reading::Polish),
            ("rom", "Rom", Reading::Italian),
            ("paris", "Prusa", Reading::Turkish),
            ("paris", "Brescia", Reading::Italian),
        ] {
            assert!(!sound_alike(term, name, reading), "{term} !~ {name}");
        }
    }

    #[test]
    fn every_reading_is_stored_as_its_own_byte() {
        for reading in Reading::ALL {
            assert_eq!(Reading::from_byte(reading.to_byte()), Some(reading));
        }
    }

    #[test]
    fn packed_words_read_back_as_stored_and_a_broken_run_does_not_fit() {
        let mut sounds = Sounds::default();
        name_sounds("Brescia", Reading::Italian, 0, &mut sounds);
        let first = sounds.len();
        name_sounds("Płock Masowien", Reading::Polish, 2, &mut sounds);
        let words: Vec<_> = sounds.words(0..sounds.len()).map(|w| (w.field, w.start, w.len, w.reading)).collect();
        assert_eq!(words, [(0, 0, 7, Reading::Italian), (2, 0, 5, Reading::Polish), (2, 6, 8, Reading::Polish)]);
        assert!(sounds.words(0..first).all(|w| w.keys().count() >= 2));
        assert!(sounds.fit(0..sounds.len(), 3));
        assert!(!sounds.fit(0..sounds.len(), 2), "a word of a field the entry lacks");
        assert!(!sounds.fit(0..first - 1, 1), "a word cut short");
        assert!(!sounds.fit(0..sounds.len() + 1, 3), "beyond the end");
    }
}
