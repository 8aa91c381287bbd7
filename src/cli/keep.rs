//! What `assign` and `edit` share: the data file they change, its lock, and installing the result
//! with a summary of the changes in words.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Args, Failure};
use crate::directory::{DirectoryData, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use crate::store::install::{self, Installed};
use crate::store::{diff, lock};

/// The data file a change goes to: `--data` or `PARTNERDESK_DATA`, never the embedded data.
pub fn data_file(args: &Args, command: &str) -> Result<PathBuf, Failure> {
    match args.source() {
        Source::File(path) => Ok(path),
        Source::Embedded => Err(Failure::Usage(crate::i18n::data_file_needed(command))),
    }
}

/// Takes the file's lock, or says who holds it.
pub fn take_lock(path: &Path, lang: Lang) -> Result<Result<lock::Lock, ExitStatus>, Failure> {
    let taken = lock::Lock::take(path, lang, |stale| {
        let said = crate::i18n::stale_lock_taken(&stale.user, &stale.since, &stale.host, stale.pid);
        say(said.get(lang));
    });
    match taken {
        Ok(lock) => Ok(Ok(lock)),
        Err(refused @ lock::Refused::Held(_)) => {
            say(&format!("partnerdesk: {}", refused.message().get(lang)));
            Ok(Err(ExitStatus::NotChanged))
        }
        Err(refused) => Err(Failure::Usage(refused.message())),
    }
}

/// A line on standard error, which may itself be gone.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Prints the changes from `old` to `new` and installs `text` over `path`, which held
/// `started_from` when the change began.
pub fn install(
    path: &Path,
    started_from: &[u8],
    text: &str,
    (old, new): (Option<&DirectoryData>, &DirectoryData),
    lang: Lang,
    out: &mut super::Out,
) -> Result<ExitStatus, Failure> {
    let mut changes = match old {
        Some(old) => diff::changes(old, new, lang),
        None => vec![crate::i18n::whole_file_replaced().get(lang).to_string()],
    };
    if changes.is_empty() {
        changes.push(crate::i18n::comments_only().get(lang).to_string());
    }
    for change in &changes {
        out.line(change)?;
    }
    let user = lock::user_name();
    match install::install(path, started_from, text.as_bytes(), &changes, &user) {
        Ok(Installed::Done { history }) => {
            let kept = history.map(|h| h.display().to_string()).unwrap_or_else(|| "—".into());
            out.line(crate::i18n::saved(&path.display().to_string(), &kept).get(lang))?;
            Ok(ExitStatus::Success)
        }
        Ok(Installed::Conflict { kept, theirs }) => {
            say(crate::i18n::saved_meanwhile(&path.display().to_string(), &kept.display().to_string()).get(lang));
            let theirs = String::from_utf8_lossy(&theirs);
            let year = crate::clock::current_year();
            match crate::directory::parse_text(&theirs, Source::File(path.to_path_buf()), year) {
                Ok(theirs) => {
                    for change in diff::changes(theirs.data(), new, lang) {
                        say(&format!("  {change}"));
                    }
                }
                Err(e) => say(&format!("  {}", e.in_lang(lang).replace('\n', "\n  "))),
            }
            Ok(ExitStatus::NotChanged)
        }
        Err(failed) => Err(Failure::Usage(failed.message)),
    }
}
