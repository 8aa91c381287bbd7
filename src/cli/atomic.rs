//! Writing an output file (`--out`) so that nothing is ever half-written or lost.

use std::io::{self, Write};
use std::path::Path;

use super::Failure;

/// Writes `bytes` to `path` atomically: a temporary file beside the target, then a rename over it.
///
/// - A symbolic link is followed, and its target replaced, as an editor would; the link stays.
/// - A device, folder or anything else that is not a regular file is refused.
/// - An existing file keeps its permissions.
/// - On any error the temporary file is removed and the old file stays whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure::Usage(crate::i18n::file_failed(path, crate::i18n::doing::WRITE, &e));
    let target = crate::store::real_path(path).map_err(fail)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(Failure::Usage(crate::i18n::not_a_regular_file(path)));
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = new_file_in(folder).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    if let Some(permissions) = existing {
        file.as_file().set_permissions(permissions).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    file.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A temporary file in `folder` with the mode a shell redirect would give a new file: 0666 less
/// the umask (0644 under the usual 022), so that colleagues can open it on a shared drive.
/// (`tempfile` alone makes it 0600.)
#[cfg(unix)]
fn new_file_in(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new().permissions(std::fs::Permissions::from_mode(0o666)).tempfile_in(folder)
}

/// A temporary file in `folder`; on Windows a new file inherits the folder's access rules.
#[cfg(not(unix))]
fn new_file_in(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::NamedTempFile::new_in(folder)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_new_file_gets_a_redirects_mode_and_an_existing_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("list.csv");
        write_atomically(&new, b"a").unwrap();
        let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
        // What a shell redirect gives a new file here: `File::create` asks for 0666, less the umask.
        let redirect = dir.path().join("redirect");
        std::fs::File::create(&redirect).unwrap();
        let expected = std::fs::metadata(&redirect).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "0644 under umask 022");
        assert_ne!(mode, 0o600);
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&new, b"b").unwrap();
        assert_eq!(std::fs::metadata(&new).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&new).unwrap(), b"b");
    }
}
