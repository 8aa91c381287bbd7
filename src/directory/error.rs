//! What can go wrong with a data file, as values a caller can report.

use std::io;

use super::Source;

/// One problem found in a data file, with its position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, where the parser or the locator could tell.
    pub line: Option<usize>,
    /// 1-based column, where the parser could tell.
    pub col: Option<usize>,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl Problem {
    /// A problem at a known line (and maybe column).
    pub fn at(line: Option<usize>, col: Option<usize>, message: impl Into<String>) -> Self {
        Problem { line, col, message: message.into() }
    }
}

/// Why a directory could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or read.
    #[error("{origin}: cannot read the data file: {error}")]
    Read {
        /// The file.
        origin: Source,
        /// The operating system's reason.
        error: io::Error,
    },
    /// The path names a folder or something else that is not a regular file.
    #[error("{origin}: is not a file; give the path of a .ron data file")]
    NotAFile {
        /// The path.
        origin: Source,
    },
    /// The file is larger than a directory could reasonably be.
    #[error("{origin}: is larger than {} MiB, the most a data file may hold", super::MAX_BYTES >> 20)]
    TooLarge {
        /// The file.
        origin: Source,
    },
    /// The file is not UTF-8 text.
    #[error("{origin}:{line}: is not valid UTF-8; save the data file as UTF-8 text")]
    NotUtf8 {
        /// The file.
        origin: Source,
        /// The line of the first invalid byte.
        line: usize,
    },
    /// The file parsed badly or broke validation rules; every problem is listed.
    #[error("{}", render_problems(origin, problems))]
    Invalid {
        /// The file.
        origin: Source,
        /// Every problem found, in file order where positions are known.
        problems: Vec<Problem>,
    },
}

fn render_problems(origin: &Source, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| match (p.line, p.col) {
            (Some(line), Some(col)) => format!("{origin}:{line}:{col}: {}", p.message),
            (Some(line), None) => format!("{origin}:{line}: {}", p.message),
            _ => format!("{origin}: {}", p.message),
        })
        .collect();
    lines.join("\n")
}
