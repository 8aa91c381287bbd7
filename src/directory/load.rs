//! Reading a data file (or the embedded one) into a validated [`Directory`].

use std::fs;
use std::io::Read;

use ron::extensions::Extensions;

use super::Source;
use super::error::{DataError, Problem};
use super::model::DirectoryData;
use super::{Directory, validate};

/// The dataset compiled into the binary.
pub const EMBEDDED: &str = include_str!("../../data/directory.ron");

/// The largest data file accepted, in bytes: room for a city-wide directory of 100,000 entries
/// written one per line with regions (about 14 MB), four times over.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Loads and validates the directory from `source`, checking years against `current_year`.
pub fn load(source: &Source, current_year: i32) -> Result<Directory, DataError> {
    match source {
        Source::Embedded => parse(EMBEDDED, source.clone(), current_year),
        Source::File(path) => {
            let text = read(path, source)?;
            parse_text(&text, source.clone(), current_year)
        }
    }
}

/// The text of a data file, checked to be a regular file of at most [`MAX_BYTES`] bytes of UTF-8.
/// A byte-order mark (Windows Notepad writes one) is left for [`parse_text`] to skip.
pub fn read(path: &std::path::Path, source: &Source) -> Result<String, DataError> {
    let read_error = |error| DataError::Read { origin: source.clone(), error };
    let file = open_without_waiting(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(DataError::NotAFile { origin: source.clone() });
    }
    // The cap holds for the bytes actually read: a file that reports no size (in /proc) or grows
    // while it is read is cut off one byte past the cap, never read in full. The size it reports
    // sizes the buffer, so that 14 MB are not copied again and again as the buffer grows.
    let bytes = read_capped(file, MAX_BYTES, meta.len())
        .map_err(read_error)?
        .ok_or_else(|| DataError::TooLarge { origin: source.clone() })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        DataError::NotUtf8 { origin: source.clone(), line }
    })
}

/// Opens `path` for reading without waiting: a FIFO with no writer would hold the open until one
/// comes, so on Unix it opens without blocking and the caller's check (`is_file`) refuses it.
/// Reads of a regular file do not heed the flag.
pub fn open_without_waiting(path: &std::path::Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, rustix::fs::OFlags::NONBLOCK.bits() as i32);
    options.open(path)
}

/// Parses and validates the text of a data file as [`read`] returned it.
pub fn parse_text(text: &str, source: Source, current_year: i32) -> Result<Directory, DataError> {
    // Windows Notepad may start the file with a byte-order mark; it is not part of the data.
    parse(text.strip_prefix('\u{feff}').unwrap_or(text), source, current_year)
}

/// Everything `reader` holds, or `None` if that is more than `cap` bytes: it reads at most one
/// byte past the cap, whatever the file claims its size is.
fn read_capped(reader: impl Read, cap: u64, size_hint: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint.min(cap) + 1).unwrap_or(0));
    reader.take(cap + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// Parses and validates RON `text` that came from `source`.
pub fn parse(text: &str, source: Source, current_year: i32) -> Result<Directory, DataError> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let data: DirectoryData = options.from_str(text).map_err(|e| {
        let problem = match unclosed_string(text, (e.span.start.line, e.span.start.col)) {
            // RON read on to the next quote and stumbled later: the problem is where the text began.
            Some((line, col)) => Problem::at(Some(line), Some(col), crate::i18n::unclosed_text()),
            None => Problem::at(Some(e.span.start.line), Some(e.span.start.col), crate::i18n::ron_error(&e.code)),
        };
        DataError::Invalid { origin: source.clone(), problems: vec![problem] }
    })?;
    let problems = validate::problems(&data, text, current_year);
    if problems.is_empty() {
        Ok(Directory::new(data, source))
    } else {
        Err(DataError::Invalid { origin: source, problems })
    }
}

/// Where a text in quotes began, when the last one before a syntax error at `error` (line and
/// column, from 1) ran over a line end, or to the end of the file: then its closing quote is
/// missing, and RON, which allows line breaks in a text, only stumbled lines later. No field of a
/// data file holds a line break, so such a text is never meant.
fn unclosed_string(text: &str, error: (usize, usize)) -> Option<(usize, usize)> {
    let mut chars = text.chars().peekable();
    let (mut line, mut col) = (1, 1);
    // The last text in quotes seen: where it began, and whether it ran over a line end.
    let mut last: Option<((usize, usize), bool)> = None;
    let mut in_string: Option<(usize, usize)> = None;
    let mut comment_depth = 0usize;
    let mut line_comment = false;
    while let Some(c) = chars.next() {
        if in_string.is_none() && (line, col) >= error {
            break;
        }
        let at = (line, col);
        let next = chars.peek().copied();
        let mut skip_next = false;
        if let Some(start) = in_string {
            match c {
                '\\' => skip_next = true,
                '"' => {
                    in_string = None;
                    last = Some((start, start.0 != line));
                }
                _ => {}
            }
        } else if line_comment {
            line_comment = c != '\n';
        } else if comment_depth > 0 {
            match (c, next) {
                ('*', Some('/')) => (comment_depth, skip_next) = (comment_depth - 1, true),
                ('/', Some('*')) => (comment_depth, skip_next) = (comment_depth + 1, true),
                _ => {}
            }
        } else {
            match (c, next) {
                ('"', _) => in_string = Some(at),
                ('/', Some('/')) => line_comment = true,
                ('/', Some('*')) => (comment_depth, skip_next) = (1, true),
                _ => {}
            }
        }
        for c in std::iter::once(c).chain(skip_next.then(|| chars.next()).flatten()) {
            if c == '\n' {
                (line, col) = (line + 1, 1);
            } else {
                col += 1;
            }
        }
    }
    match (in_string, last) {
        (Some(start), _) => Some(start),
        (None, Some((start, true))) => Some(start),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_syntax_errors_are_german() {
        let broken = EMBEDDED.replacen("name: \"Graz\",", "name: \"Graz\"", 1);
        let error = parse(&broken, Source::Embedded, 2026).unwrap_err();
        let german = error.in_lang(crate::i18n::Lang::De);
        assert!(german.contains("hier fehlt ein Komma"), "{german}");
        assert!(!german.contains("Expected") && !german.contains("directory.ron"), "{german}");
    }

    #[test]
    fn an_unclosed_text_is_reported_where_it_begins() {
        let line = EMBEDDED.lines().position(|l| l.contains("name: \"Graz\",")).unwrap() + 1;
        let column = EMBEDDED.lines().nth(line - 1).unwrap().find('"').unwrap() + 1;
        for broken in [
            EMBEDDED.replacen("name: \"Graz\",", "name: \"Graz,", 1),
            EMBEDDED.replacen("name: \"Graz\",", "name: \"Graz", 1),
        ] {
            let error = parse(&broken, Source::Embedded, 2026).unwrap_err();
            let DataError::Invalid { problems, .. } = &error else { panic!("{error:?}") };
            assert_eq!((problems[0].line, problems[0].col), (Some(line), Some(column)), "{error:?}");
            let english = error.in_lang(crate::i18n::Lang::En);
            assert!(english.contains("does not end on its line"), "{english}");
        }
        // A quote at the end of the file: the text runs to the end.
        let error = parse("Directory(\n  cities: [\"Graz\n", Source::Embedded, 2026).unwrap_err();
        let DataError::Invalid { problems, .. } = &error else { panic!("{error:?}") };
        assert_eq!((problems[0].line, problems[0].col), (Some(2), Some(12)), "{error:?}");
        // Other syntax errors keep RON's place, after texts and comments with quotes in them.
        let text = "// a \"quote\n/* \"x\" */ Directory(\n  a: \"b\\\"c\",\n  d: e f";
        assert_eq!(unclosed_string(text, (4, 8)), None);
    }

    #[test]
    fn the_cap_holds_for_an_endless_source() {
        // A /proc file reports size 0, and a file may grow while it is read: neither is read in full.
        assert!(read_capped(std::io::repeat(b' '), 1024, 0).unwrap().is_none());
        assert_eq!(read_capped(&b"abc"[..], 3, 3).unwrap().as_deref(), Some(&b"abc"[..]));
        assert!(read_capped(&b"abcd"[..], 3, 1).unwrap().is_none());
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notepad.ron");
        let windows = format!("\u{feff}{}", EMBEDDED.replace('\n', "\r\n"));
        std::fs::write(&path, windows).unwrap();
        let loaded = load(&Source::File(path), 2026).unwrap();
        assert_eq!(loaded.cities().len(), 17);
    }
}
