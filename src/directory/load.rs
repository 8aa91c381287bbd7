//! Reading a data file (or the embedded one) into a validated [`Directory`].

use std::fs;

use ron::extensions::Extensions;

use super::error::{DataError, Problem, Source};
use super::model::DirectoryData;
use super::{Directory, validate};

/// The dataset compiled into the binary.
pub const EMBEDDED: &str = include_str!("../../data/directory.ron");

/// The largest data file accepted, in bytes.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Loads and validates the directory from `source`, checking years against `current_year`.
pub fn load(source: &Source, current_year: i32) -> Result<Directory, DataError> {
    match source {
        Source::Embedded => parse(EMBEDDED, source.clone(), current_year),
        Source::File(path) => {
            let read_error = |error| DataError::Read { origin: source.clone(), error };
            let meta = fs::metadata(path).map_err(read_error)?;
            if !meta.is_file() {
                return Err(DataError::NotAFile { origin: source.clone() });
            }
            if meta.len() > MAX_BYTES {
                return Err(DataError::TooLarge { origin: source.clone(), size: meta.len() });
            }
            let bytes = fs::read(path).map_err(read_error)?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                DataError::NotUtf8 { origin: source.clone(), line }
            })?;
            parse(&text, source.clone(), current_year)
        }
    }
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

/// RON's message, with a hint at what the file should look like where that helps.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("{outer} is missing the field `{field}`"),
            None => format!("missing the field `{field}`"),
        },
        ron::Error::NoSuchStructField { expected, found, outer } => {
            let allowed: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
            let owner = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!("unknown field `{found}`{owner}; allowed fields are {}", allowed.join(", "))
        }
        other => format!("{other} (see data/directory.ron for the expected layout)"),
    }
}
