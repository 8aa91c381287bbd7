//! What can go wrong with a data file, as values a caller can report.

use std::io;

use super::Source;
use crate::i18n::{Bilingual, Lang};

/// One problem found in a data file, with its position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, where the parser or the locator could tell.
    pub line: Option<usize>,
    /// 1-based column, where the parser could tell.
    pub col: Option<usize>,
    /// What is wrong and what is allowed, in German and English.
    pub message: Bilingual,
}

impl Problem {
    /// A problem at a known line (and maybe column).
    pub fn at(line: Option<usize>, col: Option<usize>, message: Bilingual) -> Self {
        Problem { line, col, message }
    }
}

/// Why a directory could not be loaded.
#[derive(Debug)]
pub enum DataError {
    /// The file could not be opened or read.
    Read {
        /// The file.
        origin: Source,
        /// The operating system's reason.
        error: io::Error,
    },
    /// The path names a folder or something else that is not a regular file.
    NotAFile {
        /// The path.
        origin: Source,
    },
    /// The file is larger than a directory could reasonably be.
    TooLarge {
        /// The file.
        origin: Source,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        origin: Source,
        /// The line of the first invalid byte.
        line: usize,
    },
    /// The file parsed badly or broke validation rules; every problem is listed.
    Invalid {
        /// The file.
        origin: Source,
        /// Every problem found, in file order where positions are known.
        problems: Vec<Problem>,
    },
}

fn render_problems(origin: &str, problems: &[Problem], lang: Lang) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let message = p.message.get(lang);
            match (p.line, p.col) {
                (Some(line), Some(col)) => format!("{origin}:{line}:{col}: {message}"),
                (Some(line), None) => format!("{origin}:{line}: {message}"),
                _ => format!("{origin}: {message}"),
            }
        })
        .collect();
    lines.join("\n")
}

impl DataError {
    /// What is wrong, without the file's name, on one line: for a banner that names the file
    /// itself. Of several problems the first is given, and how many more there are.
    pub fn summary(&self, lang: Lang) -> String {
        let said = |de: String, en: String| Bilingual { de, en }.get(lang).to_string();
        let mib = super::MAX_BYTES >> 20;
        match self {
            DataError::Read { error, .. } => crate::i18n::os_error(error).get(lang).to_string(),
            DataError::NotAFile { .. } => said("ist keine Datei".into(), "is not a file".into()),
            DataError::TooLarge { .. } => said(format!("größer als {mib} MiB"), format!("larger than {mib} MiB")),
            DataError::NotUtf8 { line, .. } => {
                said(format!("Zeile {line}: kein UTF-8"), format!("line {line}: not UTF-8"))
            }
            DataError::Invalid { problems, .. } => {
                let Some(first) = problems.first() else { return String::new() };
                let message = first.message.get(lang);
                let at = match first.line {
                    Some(line) => crate::i18n::at_line(line, message).get(lang).to_string(),
                    None => message.to_string(),
                };
                let more = match problems.len() - 1 {
                    0 => String::new(),
                    n => said(format!(" (und {n} weitere Probleme)"), format!(" (and {n} more problems)")),
                };
                format!("{at}{more}")
            }
        }
    }

    /// The error in `lang`, every problem on its own line: `FILE:LINE: what is wrong and what is
    /// allowed`. `Display` is the English.
    pub fn in_lang(&self, lang: Lang) -> String {
        let origin = |o: &Source| o.in_lang(lang);
        let said = |de: String, en: String| Bilingual { de, en }.get(lang).to_string();
        let mib = super::MAX_BYTES >> 20;
        match self {
            DataError::Read { origin: o, error } => said(
                format!("{}: Datei kann nicht gelesen werden: {}", origin(o), crate::i18n::os_error(error).de),
                format!("{}: cannot read the data file: {}", origin(o), crate::i18n::os_error(error).en),
            ),
            DataError::NotAFile { origin: o } => said(
                format!("{}: ist keine Datei; bitte den Pfad einer .ron-Datei angeben", origin(o)),
                format!("{}: is not a file; give the path of a .ron data file", origin(o)),
            ),
            DataError::TooLarge { origin: o } => said(
                format!("{}: ist größer als {mib} MiB, mehr darf eine Datei nicht sein", origin(o)),
                format!("{}: is larger than {mib} MiB, the most a data file may hold", origin(o)),
            ),
            DataError::NotUtf8 { origin: o, line } => said(
                format!("{}:{line}: ist kein gültiges UTF-8; bitte als UTF-8-Text speichern", origin(o)),
                format!("{}:{line}: is not valid UTF-8; save the data file as UTF-8 text", origin(o)),
            ),
            DataError::Invalid { origin: o, problems } => render_problems(&origin(o), problems, lang),
        }
    }
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataError::Read { error, .. } => Some(error),
            _ => None,
        }
    }
}
