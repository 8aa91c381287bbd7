//! Where a directory comes from: the embedded dataset or a file.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{Bilingual, Lang};

/// Where a directory comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The dataset compiled into the binary.
    Embedded,
    /// A data file given with `--data` or `PARTNERDESK_DATA`.
    File(PathBuf),
}

impl Source {
    /// Picks the data source: `--data` wins over `PARTNERDESK_DATA`, then the embedded data.
    pub fn choose(flag: Option<PathBuf>, env: Option<std::ffi::OsString>) -> Self {
        match (flag, env) {
            (Some(path), _) => Source::File(path),
            (None, Some(var)) if !var.is_empty() => Source::File(PathBuf::from(var)),
            _ => Source::Embedded,
        }
    }
}

impl Source {
    /// The source as messages name it, in both languages: the file's path, or the embedded data.
    pub fn names(&self) -> Bilingual {
        match self {
            Source::Embedded => Bilingual { de: "eingebaute Daten".into(), en: "embedded data".into() },
            Source::File(path) => Bilingual { de: path.display().to_string(), en: path.display().to_string() },
        }
    }

    /// The source as messages name it, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.names().get(lang).to_string()
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.names().get(Lang::En))
    }
}
