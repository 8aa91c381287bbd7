//! What can go wrong with a data file, as values a caller can report.

use std::io;

use super::Source;
use crate::i18n::{self, Bilingual, Lang};

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
        let mib = super::MAX_BYTES >> 20;
        let said = match self {
            DataError::Read { error, .. } => i18n::os_error(error),
            DataError::NotAFile { .. } => i18n::not_a_file(None),
            DataError::TooLarge { .. } => i18n::too_large(None, mib),
            DataError::NotUtf8 { line, .. } => i18n::not_utf8(None, *line),
            DataError::Invalid { problems, .. } => {
                let Some(first) = problems.first() else { return String::new() };
                let message = first.message.get(lang);
                let at = match first.line {
                    Some(line) => i18n::at_line(line, message).get(lang).to_string(),
                    None => message.to_string(),
                };
                let more = match problems.len() - 1 {
                    0 => String::new(),
                    n => i18n::more_problems(n).get(lang).to_string(),
                };
                return format!("{at}{more}");
            }
        };
        said.get(lang).to_string()
    }

    /// The error in `lang`, every problem on its own line: `FILE:LINE: what is wrong and what is
    /// allowed`. `Display` is the English.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mib = super::MAX_BYTES >> 20;
        let said = match self {
            DataError::Read { origin, error } => i18n::cannot_read_data(&origin.names(), &i18n::os_error(error)),
            DataError::NotAFile { origin } => i18n::not_a_file(Some(&origin.names())),
            DataError::TooLarge { origin } => i18n::too_large(Some(&origin.names()), mib),
            DataError::NotUtf8 { origin, line } => i18n::not_utf8(Some(&origin.names()), *line),
            DataError::Invalid { origin, problems } => return render_problems(&origin.in_lang(lang), problems, lang),
        };
        said.get(lang).to_string()
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
