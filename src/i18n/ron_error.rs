//! RON's syntax errors in both languages, for a data file that does not parse
//! (`directory::load`).

use super::Bilingual;

/// RON's message in both languages, with a hint at what the file should look like where that
/// helps. RON's error enum is small and fixed: every variant has German words of its own.
pub fn ron_error(code: &ron::Error) -> Bilingual {
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

/// A text in quotes that runs over its line end: its closing quote is missing (reported where
/// the text begins, not where RON noticed).
pub fn unclosed_text() -> Bilingual {
    Bilingual {
        de: "dieser Text in Anführungszeichen endet nicht in seiner Zeile; fehlt das schließende \"?".into(),
        en: "this text in quotes does not end on its line; is its closing \" missing?".into(),
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
