//! Writing an output file (`--out`) so that nothing is ever half-written or lost.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Failure;
use crate::i18n::Bilingual;

/// How many symbolic links a path may pass through, as Linux allows.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` atomically: a temporary file beside the target, then a rename over it.
///
/// - A symbolic link is followed, and its target replaced, as an editor would; the link stays.
/// - A device, folder or anything else that is not a regular file is refused.
/// - An existing file keeps its permissions.
/// - On any error the temporary file is removed and the old file stays whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: io::Error| {
        Failure::Usage(Bilingual {
            de: format!("{}: kann nicht geschrieben werden: {e}", path.display()),
            en: format!("{}: cannot write: {e}", path.display()),
        })
    };
    let target = resolve_links(path).map_err(fail)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(Failure::Usage(Bilingual {
                de: format!(
                    "{}: ist keine gewöhnliche Datei; --out schreibt eine Datei, ohne --out geht es zur Standardausgabe",
                    path.display()
                ),
                en: format!(
                    "{}: is not a regular file; --out writes a file, or give no --out for standard output",
                    path.display()
                ),
            }));
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    if let Some(permissions) = existing {
        file.as_file().set_permissions(permissions).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    file.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The path a chain of symbolic links ends at, even if that file does not exist yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
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
