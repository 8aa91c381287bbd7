//! Installing a new version of the data file so that nothing saved by anyone is lost, whenever it
//! lands. Run under the [`lock`](super::lock).
//!
//! 1. **Ours first.** The new text is written beside the file (`directory.ron.anna-20261130-110005.ron`)
//!    before any step that can fail; every failure names it, and it goes only once the install
//!    has verifiably succeeded.
//! 2. **Swap, then verify.** The new version is staged in `history/` and swapped with the file in
//!    one step (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS), which
//!    captures exactly the version it replaced. Only then is that version compared with the one the
//!    change started from. Where a colleague's save landed meanwhile, theirs is swapped back and
//!    ours stays beside it. Where the system has no swap (Windows, other Unixes, some network file
//!    systems), the file is moved into `history/` and ours linked into its place; a link fails
//!    when anything is there, so nothing is overwritten, and for that moment the file is missing.
//! 3. **On record.** An intent goes to the change log before the swap and a confirmation after
//!    ([`log`](super::log)).
//! 4. **Access kept.** The new version, the copies and the log get the file's group, mode and
//!    access list ([`access`](super::access)).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::access::{self, Access};
use super::diff::Change;
use super::log::{self, Intent, Line};
use crate::i18n::{Bilingual, doing};

mod swap;

use swap::{create, swap};

/// The prefix of the files the store stages in `history/`; one left there was cut short by a kill.
const STAGED: &str = ".partnerdesk-";

/// What to install.
#[derive(Debug)]
pub struct Request<'a> {
    /// The data file itself: symbolic links already resolved ([`super::real_path`]).
    pub path: &'a Path,
    /// The bytes the change started from; `None` where there was no file.
    pub started_from: Option<&'a [u8]>,
    /// The new version.
    pub new: &'a [u8],
    /// What changes, for the log.
    pub changes: &'a [Change],
    /// Who changes it.
    pub user: &'a str,
}

/// How an install ended.
#[derive(Debug)]
pub enum Installed {
    /// The file holds the new version.
    Done {
        /// Where the replaced version is kept; `None` where the file was new.
        history: Option<PathBuf>,
        /// What the user must know although the file was saved (access not kept, a late save).
        warnings: Vec<Bilingual>,
        /// Why the change log could not record the change, if it could not.
        log_failed: Option<Bilingual>,
    },
    /// Someone changed the file since the change began: theirs stays, ours is kept beside it.
    Conflict {
        /// Where our version is.
        kept: PathBuf,
        /// What the file holds now; `None` where it was deleted or moved away.
        theirs: Option<Vec<u8>>,
        /// Whether the file was created meanwhile where there was none.
        created: bool,
    },
}

/// Why an install failed. The file is as it was, and our version is kept where `message` says.
#[derive(Debug)]
pub struct Failed {
    /// What went wrong, in both languages, naming where our version is.
    pub message: Bilingual,
    /// Where our version is, if it could be written.
    pub kept: Option<PathBuf>,
}

fn failed(what: &Path, doing: Bilingual<&str>, error: &io::Error) -> Bilingual {
    crate::i18n::file_failed(what, doing, error)
}

/// Installs `request.new` over the data file (see the module's description).
pub fn install(request: &Request) -> Result<Installed, Failed> {
    let Request { path, started_from, new, changes, user } = *request;
    let stamp = crate::clock::now();
    let folder_of_file = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let access = Access::of(path).unwrap_or_else(|| Access::new_in(folder_of_file));
    let current = read_if_there(path).map_err(|e| Failed { message: failed(path, doing::READ, &e), kept: None })?;
    // What a killed run left: an intent without its outcome, half-written copies of ours.
    let _ = log::settle(path, current.as_deref());
    remove_half_written(path);

    let mut warnings = Vec::new();
    let kept = keep_beside(path, new, user, &stamp, &access)
        .map_err(|(at, e)| Failed { message: failed(&at, doing::WRITE, &e), kept: None })?;
    let fail = |message: Bilingual| Failed {
        message: crate::i18n::new_version_kept(message, &kept),
        kept: Some(kept.clone()),
    };

    let folder = path.with_file_name("history");
    access::create_folder(&folder, &access).map_err(|e| fail(failed(&folder, doing::CREATE_FOLDER, &e)))?;
    recover_unfinished(&folder, path);
    let staged =
        stage(&folder, path, new, &access, &mut warnings).map_err(|(at, e)| fail(failed(&at, doing::WRITE, &e)))?;
    let history = started_from.map(|_| free_name(&folder.join(history_name(path, &stamp))));

    let intent = Intent {
        id: format!("{}-{}-{}", super::lock::host_name(), std::process::id(), stamp.timestamp_nanos_opt().unwrap_or(0)),
        time: stamp.format("%Y-%m-%d %H:%M:%S").to_string(),
        user: user.to_string(),
        host: super::lock::host_name(),
        changes: changes.to_vec(),
        new_hash: log::hash(new),
        history: history.as_ref().map(|h| h.display().to_string()),
    };
    let intent_failed = log::append(path, &Line::Intent(intent.clone()), Some(&access)).err();
    let record = Record { path, intent: &intent, intent_failed, access: &access, kept: &kept };

    let Some(started_from) = started_from else {
        return match create(&staged, path, Some(&access)) {
            Ok(true) => Ok(Installed::Done { history: None, warnings, log_failed: record.done() }),
            Ok(false) => {
                let _ = std::fs::remove_file(&staged);
                record.discard();
                Ok(Installed::Conflict { kept, theirs: read_if_there(path).ok().flatten(), created: true })
            }
            Err(e) => {
                let _ = std::fs::remove_file(&staged);
                record.discard();
                Err(fail(failed(path, doing::REPLACE, &e)))
            }
        };
    };

    let captured = match swap(&staged, path) {
        Ok(Some(captured)) => captured,
        Ok(None) => {
            let _ = std::fs::remove_file(&staged);
            record.discard();
            return Ok(Installed::Conflict { kept, theirs: None, created: false });
        }
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            record.discard();
            return Err(fail(failed(path, doing::REPLACE, &e)));
        }
    };
    // Ours is live from here until the check below; nothing slow comes between.
    let replaced = std::fs::read(&captured);
    if replaced.as_deref().ok() != Some(started_from) {
        // A colleague's save, or a version that cannot be read to be sure: put it back at once.
        return match swap(&captured, path) {
            Ok(Some(out)) => {
                record.discard();
                if std::fs::read(&out).is_ok_and(|b| b == new) {
                    let _ = std::fs::remove_file(&out);
                } else if let Some(history) = &history {
                    let _ = std::fs::rename(&out, history);
                }
                match replaced {
                    Ok(theirs) => Ok(Installed::Conflict { kept, theirs: Some(theirs), created: false }),
                    Err(e) => Err(fail(failed(&captured, doing::READ, &e))),
                }
            }
            Ok(None) => {
                // The file went away meanwhile: the version taken out stays where it is.
                record.discard();
                let message = crate::i18n::new_version_kept(crate::i18n::theirs_kept_at(path, &captured), &kept);
                Err(Failed { message, kept: Some(kept) })
            }
            Err(_) => {
                // Ours stays installed; the version it replaced is kept for the user to compare.
                warnings.push(crate::i18n::late_save_kept(&captured));
                Ok(Installed::Done { history: Some(captured), warnings, log_failed: record.done() })
            }
        };
    }
    let history = history.unwrap_or_else(|| captured.clone());
    let history = match std::fs::rename(&captured, &history) {
        Ok(()) => history,
        Err(_) => captured,
    };
    // A colleague who wrote into the old file in place just as it was swapped out: their bytes
    // are in the history copy, which says so.
    if std::fs::read(&history).is_ok_and(|b| b != started_from) {
        warnings.push(crate::i18n::late_save_kept(&history));
    }
    Ok(Installed::Done { history: Some(history), warnings, log_failed: record.done() })
}

/// Putting an install on record: its intent is written before the swap; this settles it.
struct Record<'a> {
    path: &'a Path,
    intent: &'a Intent,
    intent_failed: Option<io::Error>,
    access: &'a Access,
    kept: &'a Path,
}

impl Record<'_> {
    /// The change is installed: the intent is confirmed (written again first, if it failed
    /// before), and our kept copy goes. Says why the log could not record it, if it could not.
    fn done(self) -> Option<Bilingual> {
        let _ = std::fs::remove_file(self.kept);
        let id = self.intent.id.clone();
        let intent = match self.intent_failed {
            Some(_) => log::append(self.path, &Line::Intent(self.intent.clone()), Some(self.access)),
            None => Ok(()),
        };
        let done = intent.and_then(|()| log::append(self.path, &Line::Done { id }, Some(self.access)));
        done.err().map(|e| failed(&log::path_of(self.path), doing::LOG, &e))
    }

    /// The change was not installed.
    fn discard(&self) {
        if self.intent_failed.is_none() {
            let _ = log::append(self.path, &Line::Discarded { id: self.intent.id.clone() }, None);
        }
    }
}

/// The file's bytes; `None` where there is no file.
fn read_if_there(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The name of a version of `path` in `history/`: `directory-20261130-110005.ron`.
fn history_name(path: &Path, stamp: &chrono::DateTime<chrono::Local>) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let extension = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    format!("{stem}-{}{extension}", stamp.format("%Y%m%d-%H%M%S"))
}

/// The prefix of the hidden files that become our kept copy of `path` once whole.
fn half_written_prefix(path: &Path) -> String {
    format!("{STAGED}{}-", path.file_name().unwrap_or_default().to_string_lossy())
}

/// Keeps `bytes` beside `path` as `directory.ron.<user>-<date-time>.ron`, whole or not at all:
/// written to a hidden file first, which is renamed once whole.
fn keep_beside(
    path: &Path,
    bytes: &[u8],
    user: &str,
    stamp: &chrono::DateTime<chrono::Local>,
    access: &Access,
) -> Result<PathBuf, (PathBuf, io::Error)> {
    let user: String =
        user.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).take(40).collect();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{user}-{}.ron", stamp.format("%Y%m%d-%H%M%S")));
    let kept = free_name(&path.with_file_name(name));
    let folder = kept.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file = tempfile::Builder::new()
        .prefix(&half_written_prefix(path))
        .tempfile_in(folder)
        .map_err(|e| (kept.clone(), e))?;
    fill(file.as_file(), bytes, access).map_err(|e| (kept.clone(), e))?;
    file.persist_noclobber(&kept).map_err(|e| (kept.clone(), e.error))?;
    Ok(kept)
}

/// The copies of changes that were kept beside `path` and never installed (a colleague saved
/// first, an install failed, the run was killed), oldest first: the names [`keep_beside`] gives,
/// `directory.ron.<user>-<YYYYmmdd-HHMMSS>.ron`, with `-2`, `-3`… where a name was taken.
pub fn kept_copies(path: &Path) -> Vec<PathBuf> {
    let path = super::real_path(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let prefix = format!("{}.", path.file_name().unwrap_or_default().to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut found: Vec<(String, PathBuf)> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let middle = name.strip_prefix(&prefix)?.strip_suffix(".ron")?;
            let stamp = kept_stamp(middle)?;
            Some((stamp, entry.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// The `YYYYmmdd-HHMMSS` (and its `-N`) in `<user>-YYYYmmdd-HHMMSS[-N]`, for sorting.
fn kept_stamp(middle: &str) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = middle.rsplitn(4, '-').collect();
    let (day, time, number) = match parts.as_slice() {
        [number, time, day, _user] if digits(number) && number.len() < 6 => (*day, *time, *number),
        [time, day, _user, ..] => (*day, *time, "1"),
        _ => return None,
    };
    (day.len() == 8 && digits(day) && time.len() == 6 && digits(time)).then(|| format!("{day}-{time}-{number:0>5}"))
}

/// Removes what a killed run left half written beside `path`: a copy of a change that was never
/// installed nor reported kept. Run under the lock.
fn remove_half_written(path: &Path) {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let prefix = half_written_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes the new version to a staging file in `folder`, with the data file's access.
fn stage(
    folder: &Path,
    path: &Path,
    bytes: &[u8],
    access: &Access,
    warnings: &mut Vec<Bilingual>,
) -> Result<PathBuf, (PathBuf, io::Error)> {
    let file = tempfile::Builder::new()
        .prefix(&half_written_prefix(path))
        .suffix(".ron")
        .tempfile_in(folder)
        .map_err(|e| (folder.into(), e))?;
    // From here on the store decides when the staged file goes, not a destructor: after a swap it
    // holds the replaced version.
    let (file, staged) = file.keep().map_err(|e| (folder.to_path_buf(), e.error))?;
    match fill(&file, bytes, access) {
        Ok(lost) if !lost.is_empty() => warnings.push(crate::i18n::access_not_kept(path, &lost)),
        Ok(_) => {}
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err((staged, e));
        }
    }
    Ok(staged)
}

/// Writes `bytes` to a new `file`, gives it `access`, and flushes it to disk. Returns what of the
/// access could not be given.
fn fill(mut file: &std::fs::File, bytes: &[u8], access: &Access) -> io::Result<Vec<Bilingual>> {
    let lost = access.give(file, 0);
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(lost)
}

/// Gives staged files that a killed run left in `history/` a name that says so: each holds either
/// a new version that was never installed or a version that was replaced.
fn recover_unfinished(folder: &Path, path: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let prefix = half_written_prefix(path);
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            let when =
                modified.map(chrono::DateTime::<chrono::Local>::from).map(|t| t.format("%Y%m%d-%H%M%S").to_string());
            let name = free_name(&folder.join(format!("{stem}-unfinished-{}.ron", when.unwrap_or_default())));
            let _ = std::fs::rename(entry.path(), name);
        }
    }
}

/// `path`, or `path` with `-2`, `-3`… before its extension, whichever does not exist yet.
fn free_name(path: &Path) -> PathBuf {
    let mut candidate = path.to_path_buf();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let extension = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = path.with_file_name(format!("{stem}-{n}{extension}"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::diff::{Kind, What};

    fn change() -> Vec<Change> {
        let what = What::Field { field: "contact".into(), old: "Jessica Otto".into(), new: "Julia Kuz".into() };
        vec![Change { kind: Kind::City, entry: "Trondheim".into(), what }]
    }

    fn request<'a>(
        path: &'a Path,
        started_from: Option<&'a [u8]>,
        new: &'a [u8],
        changes: &'a [Change],
    ) -> Request<'a> {
        Request { path, started_from, new, changes, user: "anna" }
    }

    fn files_beside(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn an_install_keeps_the_old_version_and_logs_each_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        let changes = change();
        let Installed::Done { history: Some(history), warnings, log_failed: None } =
            install(&request(&path, Some(b"old"), b"new", &changes)).unwrap()
        else {
            panic!("installed")
        };
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read(&history).unwrap(), b"old");
        assert!(history.starts_with(dir.path().join("history")));
        let entries = log::entries(&log::read(&path).unwrap(), Some(b"new"));
        assert_eq!(entries.len(), 1);
        assert_eq!(
            (entries[0].user.as_str(), &entries[0].change),
            ("anna", &log::Recorded::Change(changes[0].clone()))
        );
        assert!(log::dangling(&log::read(&path).unwrap()).is_empty(), "the intent is confirmed");
        assert_eq!(
            files_beside(dir.path()),
            ["directory.ron", "directory.ron.log", "history"],
            "ours goes once installed"
        );
    }

    #[test]
    fn a_colleagues_save_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "theirs").unwrap();
        let Installed::Conflict { kept, theirs, created: false } =
            install(&request(&path, Some(b"old"), b"ours", &[])).unwrap()
        else {
            panic!("a conflict")
        };
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(theirs.as_deref(), Some(&b"theirs"[..]));
        assert_eq!(std::fs::read(&kept).unwrap(), b"ours");
        let name = kept.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("directory.ron.anna-") && name.ends_with(".ron"), "{name}");
        assert!(
            log::entries(&log::read(&path).unwrap(), Some(b"theirs")).is_empty(),
            "nothing installed, nothing logged"
        );
    }

    #[test]
    fn a_new_file_is_created_unless_someone_created_it_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        assert!(matches!(install(&request(&path, None, b"new", &[])).unwrap(), Installed::Done { history: None, .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let other = dir.path().join("other.ron");
        std::fs::write(&other, "theirs").unwrap();
        let Installed::Conflict { created: true, .. } = install(&request(&other, None, b"ours", &[])).unwrap() else {
            panic!("a conflict")
        };
        assert_eq!(std::fs::read(&other).unwrap(), b"theirs");
    }

    #[test]
    fn a_deleted_file_is_a_conflict_not_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        let Installed::Conflict { theirs: None, kept, .. } =
            install(&request(&path, Some(b"old"), b"ours", &[])).unwrap()
        else {
            panic!("a conflict")
        };
        assert!(!path.exists());
        assert_eq!(std::fs::read(kept).unwrap(), b"ours");
    }

    #[cfg(unix)]
    #[test]
    fn the_files_mode_is_kept_and_so_are_the_copies() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let Installed::Done { history: Some(history), .. } =
            install(&request(&path, Some(b"old"), b"new", &[])).unwrap()
        else {
            panic!("installed")
        };
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&path), 0o640);
        assert_eq!(mode(&history), 0o640);
        assert_eq!(mode(&log::path_of(&path)), 0o640);
        assert_eq!(mode(&dir.path().join("history")) & 0o777, 0o750);
    }

    #[test]
    fn a_staged_file_left_by_a_kill_is_kept_under_a_name_that_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::create_dir(dir.path().join("history")).unwrap();
        std::fs::write(dir.path().join("history").join(".partnerdesk-directory.ron-abc.ron"), "half").unwrap();
        std::fs::write(dir.path().join("history").join(".partnerdesk-other.ron-abc.ron"), "another file's").unwrap();
        install(&request(&path, Some(b"old"), b"new", &[])).unwrap();
        let names = files_beside(&dir.path().join("history"));
        assert!(names.iter().any(|n| n.starts_with("directory-unfinished-")), "{names:?}");
        assert_eq!(names.iter().filter(|n| n.starts_with('.')).collect::<Vec<_>>(), [".partnerdesk-other.ron-abc.ron"]);
    }
}
