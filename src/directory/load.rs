//! Reading a data file (or the embedded one) into a validated [`Directory`].

use std::fs;
use std::io::Read;

use ron::extensions::Extensions;

use super::Source;
use super::error::{DataError, Problem};
use super::model::DirectoryData;
use super::{Directory, validate};
use crate::i18n::Bilingual;

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
    let file = fs::File::open(path).map_err(read_error)?;
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
    let data: DirectoryData = options.from_str(text).map_err(|e| DataError::Invalid {
        origin: source.clone(),
        problems: vec![Problem::at(Some(e.span.start.line), Some(e.span.start.col), explain(&e.code))],
    })?;
    let problems = validate::problems(&data, text, current_year);
    if problems.is_empty() {
        Ok(Directory::new(data, source))
    } else {
        Err(DataError::Invalid { origin: source, problems })
    }
}

/// RON's message in both languages, with a hint at what the file should look like where that
/// helps. RON's error enum is small and fixed: every variant has German words of its own.
fn explain(code: &ron::Error) -> Bilingual {
    use ron::Error as E;
    let said = |de: String, en: String| Bilingual { de, en };
    let within = |outer: &Option<String>| outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
    match code {
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => {
                said(format!("{outer}: das Feld `{field}` fehlt"), format!("{outer} is missing the field `{field}`"))
            }
            None => said(format!("das Feld `{field}` fehlt"), format!("missing the field `{field}`")),
        },
        E::NoSuchStructField { expected, found, outer } => {
            let allowed = list(expected);
            let at = within(outer);
            said(
                format!("unbekanntes Feld `{found}`{at}; erlaubt sind {allowed}"),
                format!("unknown field `{found}`{at}; allowed fields are {allowed}"),
            )
        }
        E::DuplicateStructField { field, outer } => {
            let at = within(outer);
            said(format!("das Feld `{field}` steht doppelt{at}"), format!("the field `{field}` appears twice{at}"))
        }
        E::NoSuchEnumVariant { expected, found, outer } => {
            let allowed = list(expected);
            let at = within(outer);
            said(
                format!("unbekannter Wert `{found}`{at}; erlaubt sind {allowed}"),
                format!("unknown value `{found}`{at}; allowed values are {allowed}"),
            )
        }
        E::ExpectedDifferentStructName { expected, found } => said(
            format!("hier gehört `{expected}(…)` hin, nicht `{found}(…)`"),
            format!("expected `{expected}(…)` here, not `{found}(…)`"),
        ),
        E::ExpectedNamedStructLike(name) => {
            said(format!("hier gehört `{name}(…)` hin"), format!("expected `{name}(…)` here"))
        }
        E::InvalidValueForType { expected, found } => said(
            format!("falscher Wert: erwartet {expected}, gefunden {found}"),
            format!("wrong value: expected {expected}, found {found}"),
        ),
        E::ExpectedDifferentLength { expected, found } => said(
            format!("falsche Anzahl: erwartet {expected}, gefunden {found}"),
            format!("wrong length: expected {expected}, found {found}"),
        ),
        E::UnexpectedChar(c) => said(format!("unerwartetes Zeichen {c:?}"), format!("unexpected character {c:?}")),
        E::InvalidEscape(what) => said(format!("ungültige Escape-Folge: {what}"), format!("invalid escape: {what}")),
        E::InvalidIntegerDigit { digit, base } => said(
            format!("{digit:?} ist keine Ziffer zur Basis {base}"),
            format!("{digit:?} is not a digit in base {base}"),
        ),
        E::NoSuchExtension(name) => {
            said(format!("unbekannte RON-Erweiterung `{name}`"), format!("unknown RON extension `{name}`"))
        }
        E::InvalidIdentifier(name) | E::SuggestRawIdentifier(name) | E::ExpectedStructName(name) => {
            said(format!("ungültiger Name `{name}`"), format!("invalid name `{name}`"))
        }
        E::Message(message) | E::Io(message) => said(message.clone(), message.clone()),
        other => {
            let (de, en) = fixed(other);
            said(de.to_string(), en.to_string())
        }
    }
}

/// The syntax errors that carry no value, in German and English.
fn fixed(code: &ron::Error) -> (&'static str, &'static str) {
    use ron::Error as E;
    match code {
        E::Eof => (
            "die Datei endet zu früh; fehlt eine schließende Klammer?",
            "unexpected end of file; is a closing bracket missing?",
        ),
        E::ExpectedArray => ("hier gehört eine Liste `[…]` hin", "expected a list `[…]`"),
        E::ExpectedArrayEnd => ("hier fehlt `]` oder ein Komma", "expected `]` or a comma"),
        E::ExpectedAttribute | E::ExpectedAttributeEnd => ("ungültiges Attribut `#![…]`", "invalid attribute `#![…]`"),
        E::ExpectedBoolean => ("hier gehört true oder false hin", "expected true or false"),
        E::ExpectedComma => ("hier fehlt ein Komma", "expected a comma"),
        E::ExpectedChar => ("hier gehört ein Zeichen in '…' hin", "expected a character in '…'"),
        E::ExpectedByteLiteral | E::ExpectedByteString => ("hier gehören Bytes hin", "expected bytes"),
        E::ExpectedFloat => ("hier gehört eine Kommazahl hin", "expected a decimal number"),
        E::FloatUnderscore => ("ein Unterstrich in einer Zahl", "an underscore in a number"),
        E::ExpectedInteger => ("hier gehört eine ganze Zahl hin", "expected a whole number"),
        E::ExpectedOption | E::ExpectedOptionEnd => ("hier gehört Some(…) oder None hin", "expected Some(…) or None"),
        E::ExpectedMap => ("hier gehört `{…}` hin", "expected `{…}`"),
        E::ExpectedMapColon => ("hier fehlt ein Doppelpunkt", "expected a colon"),
        E::ExpectedMapEnd => ("hier fehlt `}` oder ein Komma", "expected `}` or a comma"),
        E::ExpectedStructLike | E::ExpectedStructLikeEnd => {
            ("hier fehlt `(` oder `)`, oder ein Komma", "expected `(` or `)`, or a comma")
        }
        E::ExpectedUnit => ("hier gehört `()` hin", "expected `()`"),
        E::ExpectedString => ("hier gehört ein Text in Anführungszeichen hin", "expected a text in double quotes"),
        E::ExpectedStringEnd => ("ein Text ohne schließendes Anführungszeichen", "a text without its closing quote"),
        E::ExpectedIdentifier => ("hier gehört ein Feldname hin", "expected a field name"),
        E::IntegerOutOfBounds => ("die Zahl ist zu groß", "the number is too large"),
        E::UnclosedBlockComment => ("ein Kommentar `/* …` ohne `*/`", "a comment `/* …` without `*/`"),
        E::UnclosedLineComment => ("ein Kommentar ohne Zeilenende", "a comment without a line end"),
        E::UnderscoreAtBeginning => ("eine Zahl beginnt mit einem Unterstrich", "a number starts with an underscore"),
        E::Utf8Error(_) => ("kein gültiges UTF-8", "not valid UTF-8"),
        E::TrailingCharacters => {
            ("nach dem Ende des Verzeichnisses steht noch etwas", "text after the end of the directory")
        }
        E::ExpectedRawValue => ("hier gehört ein Wert hin", "expected a value"),
        E::ExceededRecursionLimit => ("zu tief verschachtelt", "nested too deeply"),
        E::ExpectedRangeSyntax => ("hier gehört ein Bereich hin", "expected a range"),
        _ => ("Syntaxfehler", "syntax error"),
    }
}

/// Field or value names as a list: `` `a`, `b` ``.
fn list(names: &[&str]) -> String {
    names.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
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
