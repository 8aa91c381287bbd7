//! The office keeps its own data file: a lock the OS frees when its holder ends ([`lock`]), an
//! install that swaps in the new version and verifies what it replaced, so that nobody's save is
//! lost ([`install`]), the file's access kept on everything written beside it ([`access`]), a
//! change log with an intent before and a confirmation after each install ([`log`]), and the
//! changes themselves, language-neutral ([`diff`]). The `assign`, `edit`, `diff` and `history`
//! commands are built on these.

pub mod access;
pub mod diff;
pub mod install;
pub mod lock;
pub mod log;

use std::io;
use std::path::{Path, PathBuf};

/// How many symbolic links a path may pass through, as Linux allows.
const MAX_LINKS: usize = 40;

/// The file a chain of symbolic links ends at, even if it does not exist yet: the lock, the
/// install, `history/` and the log all work beside the real file, and a link stays a link.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}
