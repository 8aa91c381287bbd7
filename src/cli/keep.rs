//! What `assign` and `edit` share: the data file they change (its real path, through any link),
//! its lock, and installing the result with the changes in words, said only once they are saved.

use std::path::{Path, PathBuf};

use super::{Args, Failure};
use crate::directory::{DirectoryData, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use crate::store::diff::{self, Change, Kind, What};
use crate::store::install::{self, Installed, Request};
use crate::store::lock;

/// The data file a change goes to: `--data` or `PARTNERDESK_DATA`, never the embedded data.
/// Through a symbolic link it is the link's target, so that the lock, `history/` and the log
/// sit beside the real file and the link stays a link.
pub fn data_file(args: &Args, command: &str) -> Result<PathBuf, Failure> {
    match args.source() {
        Source::File(path) => {
            let real =
                crate::store::real_path(&path).map_err(|e| Failure::Usage(crate::i18n::file_error(&path, &e)))?;
            // A pipe or a device is neither waited on nor given a lock beside it.
            match std::fs::metadata(&real) {
                Ok(meta) if !meta.is_file() => Err(Failure::Usage(crate::i18n::data_not_a_file(&path))),
                _ => Ok(real),
            }
        }
        Source::Embedded => Err(Failure::Usage(crate::i18n::data_file_needed(command))),
    }
}

/// Takes the file's lock, or says who holds it (exit status 1).
pub fn take_lock(path: &Path, lang: Lang) -> Result<Result<lock::Lock, ExitStatus>, Failure> {
    match lock::Lock::take(path, lang) {
        Ok(lock) => Ok(Ok(lock)),
        Err(refused @ lock::Refused::Held(_)) => {
            crate::stderr::say(&refused.message(), lang);
            Ok(Err(ExitStatus::NotChanged))
        }
        Err(refused) => Err(Failure::Usage(refused.message())),
    }
}

/// A change under way: the data file (links resolved), held under its lock, as read once.
pub struct Opened {
    /// The data file itself.
    pub path: PathBuf,
    /// Its lock, held until this is dropped.
    pub lock: lock::Lock,
    /// The file as a source of data, for messages.
    pub source: Source,
    /// Its text.
    pub text: String,
    /// The bytes the change starts from (BOM and line ends included), for the install's check.
    pub started_from: Vec<u8>,
    /// The text, parsed and validated.
    pub old: crate::directory::Directory,
    /// The year validation counted from.
    pub year: i32,
}

/// Takes the data file's lock and reads the file once, for `assign`, `away` and `back`; `Err`
/// with the exit status when someone else holds the lock.
pub fn open(args: &Args, command: &str) -> Result<Result<Opened, ExitStatus>, Failure> {
    let path = data_file(args, command)?;
    let lock = match take_lock(&path, args.lang())? {
        Ok(lock) => lock,
        Err(status) => return Ok(Err(status)),
    };
    let source = Source::File(path.clone());
    let text = crate::directory::read(&path, &source)?;
    let started_from = text.clone().into_bytes();
    let year = crate::clock::current_year();
    let old = crate::directory::parse_text(&text, source.clone(), year)?;
    Ok(Ok(Opened { path, lock, source, text, started_from, old, year }))
}

/// Installs `text` over `path`, which held `started_from` when the change began (`None`: there
/// was no file), and prints the changes from `old` to `new` once they are saved.
pub fn install(
    path: &Path,
    started_from: Option<&[u8]>,
    text: &str,
    (old, new): (Option<&DirectoryData>, &DirectoryData),
    lang: Lang,
    out: &mut super::Out,
) -> Result<ExitStatus, Failure> {
    let whole = |what| Change { kind: Kind::File, entry: String::new(), what };
    let mut changes = match (old, started_from) {
        (Some(old), _) => diff::changes(old, new),
        (None, None) => vec![whole(What::Created)],
        (None, Some(_)) => vec![whole(What::WholeFile)],
    };
    if changes.is_empty() {
        changes.push(whole(What::CommentsOnly));
    }
    let user = lock::user_name();
    let request = Request { path, started_from, new: text.as_bytes(), changes: &changes, user: &user };
    match install::install(&request).map_err(|failed| Failure::Usage(failed.message))? {
        Installed::Done { history, warnings, log_failed } => {
            for change in &changes {
                out.line(&change.words(lang))?;
            }
            let file = path.display().to_string();
            let kept = history.map(|h| h.display().to_string()).unwrap_or_else(|| "—".into());
            let saved = match &log_failed {
                None => crate::i18n::saved(&file, &kept),
                Some(error) => crate::i18n::saved_not_logged(&file, &kept, error),
            };
            out.line(saved.get(lang))?;
            for warning in &warnings {
                crate::stderr::say(warning, lang);
            }
            Ok(ExitStatus::Success)
        }
        Installed::Conflict { kept, theirs, created } => {
            let (file, kept) = (path.display().to_string(), kept.display().to_string());
            let Some(theirs) = theirs else {
                crate::stderr::say(&crate::i18n::deleted_meanwhile(&file, &kept), lang);
                return Ok(ExitStatus::NotChanged);
            };
            let said = if created {
                crate::i18n::created_meanwhile(&file, &kept)
            } else {
                crate::i18n::saved_meanwhile(&file, &kept)
            };
            let theirs = String::from_utf8_lossy(&theirs);
            let year = crate::clock::current_year();
            let differences = match crate::directory::parse_text(&theirs, Source::File(path.to_path_buf()), year) {
                Ok(theirs) => diff::changes(theirs.data(), new).iter().map(|change| change.words(lang)).collect(),
                Err(e) => vec![e.in_lang(lang)],
            };
            crate::stderr::say_with(&said, lang, &differences);
            Ok(ExitStatus::NotChanged)
        }
    }
}
