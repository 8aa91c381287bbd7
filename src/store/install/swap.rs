//! The swap at the heart of an install: the new version takes the file's place in one step where
//! the system can exchange two files, else by moving the file aside and linking the new one in;
//! either way, what was replaced is captured exactly and nothing that lands meanwhile is
//! overwritten.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::free_name;
use crate::store::access::Access;

/// How often a rename is tried (a Windows network drive refuses it while someone has the file
/// open), and how long apart.
const RENAME_TRIES: u32 = 20;
const RENAME_PAUSE: Duration = Duration::from_millis(100);

/// Puts `incoming` in `path`'s place and returns where the version it replaced now is; `None`
/// where `path` no longer exists (`incoming` then stays where it is).
pub(super) fn swap(incoming: &Path, path: &Path) -> io::Result<Option<PathBuf>> {
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, incoming, CWD, path, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(Some(incoming.to_path_buf())),
            Err(rustix::io::Errno::NOENT) if !path.exists() => return Ok(None),
            // Not supported here (an older kernel, a network file system): the fallback.
            Err(_) => {}
        }
    }
    swap_by_moving(incoming, path)
}

/// The swap where the system has none: the file is moved beside `incoming` first (which captures
/// it exactly), then `incoming` is linked into its place, which fails if anything is there.
fn swap_by_moving(incoming: &Path, path: &Path) -> io::Result<Option<PathBuf>> {
    let mut aside = incoming.as_os_str().to_os_string();
    aside.push(".replaced");
    let aside = free_name(Path::new(&aside));
    match retry(|| std::fs::rename(path, &aside)) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    match create(incoming, path, None) {
        Ok(true) => Ok(Some(aside)),
        // Someone put a file there in that moment: it stays, and so does the one moved aside;
        // `incoming` goes into the moved one's place for the caller to find and compare.
        Ok(false) => Err(io::Error::other(format!("{} was saved again while it was replaced", path.display()))),
        Err(e) => {
            // Put the file back where it was; if that fails too, it is kept at `aside`.
            let _ = create(&aside, path, None);
            Err(e)
        }
    }
}

/// Moves `file` to `path` where nothing is: `Ok(false)`, and `file` untouched, where something is.
/// Without hard links, `path` is created exclusively and `file`'s bytes copied into it (given
/// `access`, or `file`'s permissions), so a file that lands meanwhile is never replaced.
pub(super) fn create(file: &Path, path: &Path, access: Option<&Access>) -> io::Result<bool> {
    match std::fs::hard_link(file, path) {
        Ok(()) => {
            let _ = std::fs::remove_file(file);
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) => {
            let mut target = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(target) => target,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
                Err(e) => return Err(e),
            };
            let copied = (|| {
                match access {
                    Some(access) => drop(access.give(&target, 0)),
                    None => target.set_permissions(std::fs::metadata(file)?.permissions())?,
                }
                io::copy(&mut std::fs::File::open(file)?, &mut target)?;
                target.sync_all()
            })();
            if let Err(e) = copied {
                let _ = std::fs::remove_file(path);
                return Err(e);
            }
            let _ = std::fs::remove_file(file);
            Ok(true)
        }
    }
}

/// Tries `step` for two seconds while the system refuses it (a file open on a Windows share).
fn retry(mut step: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    let mut attempt = 1;
    loop {
        match step() {
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && attempt < RENAME_TRIES && cfg!(windows) => {
                attempt += 1;
                std::thread::sleep(RENAME_PAUSE);
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_swap_captures_the_replaced_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.ron");
        std::fs::write(&path, "old").unwrap();
        let incoming = dir.path().join(".partnerdesk-x.ron");
        std::fs::write(&incoming, "new").unwrap();
        let captured = swap_by_moving(&incoming, &path).unwrap().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read(&captured).unwrap(), b"old");
        assert!(!incoming.exists());
    }
}
