//! What `assign` and `edit` share: the data file they change, its lock, and installing the result
//! with a summary of the changes in words.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Args, Failure};
use crate::directory::{DirectoryData, Source};
use crate::exit::ExitStatus;
use crate::i18n::{Bilingual, Lang};
use crate::store::install::{self, Installed};
use crate::store::{diff, lock};

/// The data file a change goes to: `--data` or `PARTNERDESK_DATA`, never the embedded data.
pub fn data_file(args: &Args, command: &str) -> Result<PathBuf, Failure> {
    match args.source() {
        Source::File(path) => Ok(path),
        Source::Embedded => Err(Failure::Usage(Bilingual {
            de: format!(
                "`{command}` ändert eine Datendatei; bitte --data DATEI angeben oder PARTNERDESK_DATA setzen. \
                 Eine gemeinsame Datei beginnt mit `partnerdesk edit --data N:\\Pfad\\directory.ron`: \
                 eine neue Datei wird aus den eingebauten Daten angelegt"
            ),
            en: format!(
                "`{command}` changes a data file; give --data FILE or set PARTNERDESK_DATA. \
                 A shared file starts with `partnerdesk edit --data N:\\path\\directory.ron`: \
                 a new file starts from the embedded directory"
            ),
        })),
    }
}

/// Takes the file's lock, or says who holds it.
pub fn take_lock(path: &Path, lang: Lang) -> Result<Result<lock::Lock, ExitStatus>, Failure> {
    let taken = lock::Lock::take(path, lang, |stale| {
        let said = match lang {
            Lang::De => format!(
                "partnerdesk: Warnung: übernehme die alte Sperre von {} (seit {}, auf {}, Prozess {})",
                stale.user, stale.since, stale.host, stale.pid
            ),
            Lang::En => format!(
                "partnerdesk: warning: taking over the stale lock of {} (since {}, on {}, process {})",
                stale.user, stale.since, stale.host, stale.pid
            ),
        };
        say(&said);
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
        None => vec![match lang {
            Lang::De => "ganze Datei ersetzt (die vorige Fassung war ungültig)".into(),
            Lang::En => "whole file replaced (the previous version was not valid)".into(),
        }],
    };
    if changes.is_empty() {
        changes.push(match lang {
            Lang::De => "nur Kommentare oder Layout geändert".into(),
            Lang::En => "comments or layout only".into(),
        });
    }
    for change in &changes {
        out.line(change)?;
    }
    let user = lock::user_name();
    match install::install(path, started_from, text.as_bytes(), &changes, &user) {
        Ok(Installed::Done { history }) => {
            let kept = history.map(|h| h.display().to_string()).unwrap_or_else(|| "—".into());
            out.line(&match lang {
                Lang::De => format!("gespeichert: {}; die vorige Fassung liegt in {kept}", path.display()),
                Lang::En => format!("saved: {}; the previous version is kept in {kept}", path.display()),
            })?;
            Ok(ExitStatus::Success)
        }
        Ok(Installed::Conflict { kept, theirs }) => {
            say(&match lang {
                Lang::De => format!(
                    "partnerdesk: {} wurde inzwischen von jemand anderem gespeichert; nichts überschrieben. \
                     Diese Fassung liegt in {}. Unterschiede (deren → diese):",
                    path.display(),
                    kept.display()
                ),
                Lang::En => format!(
                    "partnerdesk: {} was saved by someone else meanwhile; nothing was overwritten. \
                     This version is kept in {}. What differs (theirs → this one):",
                    path.display(),
                    kept.display()
                ),
            });
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
