//! Installing an edited data file so that nothing is ever lost: a colleague's save made meanwhile
//! is never overwritten, the replaced version is kept in `history/`, the file is replaced in one
//! rename, and every change is written to the change log.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::{Bilingual, doing};

/// How often a rename over the file is tried (a Windows network drive refuses it while someone
/// has the file open), and how long apart.
const RENAME_TRIES: u32 = 20;
const RENAME_PAUSE: Duration = Duration::from_millis(100);

/// How an install ended.
#[derive(Debug)]
pub enum Installed {
    /// The file holds the new text; the replaced version, if there was one, is in `history`.
    Done {
        /// Where the replaced version was kept.
        history: Option<PathBuf>,
    },
    /// Someone saved the file since the edit began: it was left alone, and ours kept beside it.
    Conflict {
        /// Where our version is.
        kept: PathBuf,
        /// What the file holds now, for the summary of theirs against ours.
        theirs: Vec<u8>,
    },
}

/// Why an install failed; nothing is lost either way.
#[derive(Debug)]
pub struct Failed {
    /// What went wrong, in both languages.
    pub message: Bilingual,
}

fn failed(what: &Path, doing: Bilingual<&str>, error: &io::Error) -> Failed {
    Failed { message: crate::i18n::file_failed(what, doing, error) }
}

/// Replaces `path`, which held `started_from` when the edit began, with `new`, and records
/// `changes` (one line each) in the change log under `user`.
pub fn install(
    path: &Path,
    started_from: &[u8],
    new: &[u8],
    changes: &[String],
    user: &str,
) -> Result<Installed, Failed> {
    let stamp = chrono::Local::now();
    let current = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(failed(path, doing::READ, &e)),
    };
    if current.as_deref().unwrap_or_default() != started_from {
        let kept = keep_beside(path, new, user, &stamp)?;
        return Ok(Installed::Conflict { kept, theirs: current.unwrap_or_default() });
    }
    let history = match &current {
        Some(bytes) => Some(keep_in_history(path, bytes, &stamp)?),
        None => None,
    };
    if let Err(e) = replace(path, new) {
        // Nothing is lost: the file is as it was, and our version is kept beside it.
        let kept = keep_beside(path, new, user, &stamp)?;
        let mut f = failed(path, doing::REPLACE, &e);
        f.message = crate::i18n::new_version_kept(f.message, &kept);
        return Err(f);
    }
    log(path, &stamp, user, changes)?;
    Ok(Installed::Done { history })
}

/// The change log of `data`: `directory.ron.log` beside `directory.ron`, one line per change:
/// `2026-11-29 14:30:05<TAB>user<TAB>Trondheim: contact Jessica Otto → Julia Kuz`.
pub fn log_path(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".log");
    data.with_file_name(name)
}

fn log(path: &Path, stamp: &chrono::DateTime<chrono::Local>, user: &str, changes: &[String]) -> Result<(), Failed> {
    let log = log_path(path);
    let when = stamp.format("%Y-%m-%d %H:%M:%S");
    let user = one_line(user);
    let lines: String = changes.iter().map(|change| format!("{when}\t{user}\t{}\n", one_line(change))).collect();
    let appended = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log)
        .and_then(|mut file| file.write_all(lines.as_bytes()).and_then(|()| file.sync_all()));
    appended.map_err(|e| failed(&log, doing::LOG, &e))
}

fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Keeps `bytes` beside `path` as `directory.ron.<user>-<date-time>.ron`.
fn keep_beside(
    path: &Path,
    bytes: &[u8],
    user: &str,
    stamp: &chrono::DateTime<chrono::Local>,
) -> Result<PathBuf, Failed> {
    let user: String =
        user.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{user}-{}.ron", stamp.format("%Y%m%d-%H%M%S")));
    let kept = free_name(&path.with_file_name(name));
    write_new(&kept, bytes).map_err(|e| failed(&kept, doing::WRITE, &e))?;
    Ok(kept)
}

/// Keeps the replaced version in `history/` beside the file, named by date and time.
fn keep_in_history(path: &Path, bytes: &[u8], stamp: &chrono::DateTime<chrono::Local>) -> Result<PathBuf, Failed> {
    let folder = path.with_file_name("history");
    std::fs::create_dir_all(&folder).map_err(|e| failed(&folder, doing::CREATE_FOLDER, &e))?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let extension = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let kept = free_name(&folder.join(format!("{stem}-{}{extension}", stamp.format("%Y%m%d-%H%M%S"))));
    write_new(&kept, bytes).map_err(|e| failed(&kept, doing::WRITE, &e))?;
    Ok(kept)
}

/// `path`, or `path` with `-2`, `-3`… before its extension, whichever does not exist yet.
fn free_name(path: &Path) -> PathBuf {
    let mut candidate = path.to_path_buf();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let extension = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{stem}-{n}{extension}"));
        n += 1;
    }
    candidate
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes `bytes` to a temporary file in the same folder and renames it over `path`, keeping the
/// file's mode; a refused rename is tried again for two seconds.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new().prefix(".partnerdesk-").tempfile_in(folder)?;
    file.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        file.as_file().set_permissions(meta.permissions())?;
    }
    file.as_file().sync_all()?;
    let mut file = file;
    for attempt in 1..=RENAME_TRIES {
        match file.persist(path) {
            Ok(_) => return Ok(()),
            Err(e) if attempt == RENAME_TRIES => return Err(e.error),
            Err(e) => {
                file = e.file;
                std::thread::sleep(RENAME_PAUSE);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_install_keeps_the_old_version_and_logs_each_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        let changes = ["Trondheim: contact Jessica Otto → Julia Kuz".to_string()];
        let Installed::Done { history: Some(history) } = install(&path, b"old", b"new", &changes, "anna").unwrap()
        else {
            panic!("installed")
        };
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read(&history).unwrap(), b"old");
        assert!(history.starts_with(dir.path().join("history")));
        let log = std::fs::read_to_string(log_path(&path)).unwrap();
        assert!(log.ends_with("\tanna\tTrondheim: contact Jessica Otto → Julia Kuz\n"), "{log}");
    }

    #[test]
    fn a_colleagues_save_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "theirs").unwrap();
        let Installed::Conflict { kept, theirs } = install(&path, b"old", b"ours", &[], "anna").unwrap() else {
            panic!("a conflict")
        };
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(theirs, b"theirs");
        assert_eq!(std::fs::read(&kept).unwrap(), b"ours");
        let name = kept.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("directory.ron.anna-") && name.ends_with(".ron"), "{name}");
        assert!(!log_path(&path).exists(), "nothing installed, nothing logged");
    }

    #[cfg(unix)]
    #[test]
    fn the_files_mode_is_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        install(&path, b"old", b"new", &[], "anna").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o664);
    }
}
