//! Who may read and change the data file, kept on everything the store writes beside it: the new
//! version of the file, its copies in `history/`, the change log and the lock. A colleague who
//! reaches the file through its group, or an access list, keeps reaching it after anyone's save,
//! and no copy is readable by more people than the file itself.
//!
//! On Unix that is the file's group and mode, its owner where the saver may set it (root), and its
//! POSIX access list where the system has them. On Windows a new file inherits the folder's
//! access rules; only the read-only flag is copied.

use std::fs::{File, Metadata};
use std::path::Path;

use crate::i18n::Bilingual;

/// The access of the data file, to give to what is written beside it.
#[derive(Debug, Clone)]
pub struct Access {
    meta: Metadata,
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    acl: Option<Vec<u8>>,
}

/// The extended attribute that holds a POSIX access list.
#[cfg(any(target_os = "linux", target_os = "macos"))]
const ACL: &str = "system.posix_acl_access";

impl Access {
    /// The access of the file at `path`; `None` where there is no file yet.
    pub fn of(path: &Path) -> Option<Access> {
        let file = File::open(path).ok()?;
        let meta = file.metadata().ok().filter(Metadata::is_file)?;
        Some(Access {
            meta,
            #[cfg(any(target_os = "linux", target_os = "macos"))]
            acl: read_acl(&file),
        })
    }

    /// Gives `file` this access: owner (where permitted), group, mode and access list. Says what
    /// could not be kept, in words; nothing when all was.
    pub fn give(&self, file: &File) -> Vec<Bilingual> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let mut lost = Vec::new();
            let (uid, gid) = (rustix::fs::Uid::from_raw(self.meta.uid()), rustix::fs::Gid::from_raw(self.meta.gid()));
            let mine = file.metadata().ok();
            if mine.as_ref().is_some_and(|m| m.uid() != self.meta.uid())
                && rustix::fs::fchown(file, Some(uid), Some(gid)).is_err()
                && rustix::fs::fchown(file, None, Some(gid)).is_ok()
            {
                lost.push(crate::i18n::access_lost_owner(self.meta.uid()));
            }
            if mine.as_ref().is_some_and(|m| m.gid() != self.meta.gid())
                && rustix::fs::fchown(file, None, Some(gid)).is_err()
            {
                lost.push(crate::i18n::access_lost_group(self.meta.gid()));
            }
            // After the owner and group: changing those clears the set-id bits.
            let mode = rustix::fs::Mode::from_raw_mode(self.meta.mode() & 0o7777);
            if rustix::fs::fchmod(file, mode).is_err() {
                lost.push(crate::i18n::access_lost_mode(self.meta.mode() & 0o7777));
            }
            #[cfg(any(target_os = "linux", target_os = "macos"))]
            if let Some(acl) = &self.acl
                && rustix::fs::fsetxattr(file, ACL, acl, rustix::fs::XattrFlags::empty()).is_err()
            {
                lost.push(crate::i18n::access_lost_acl());
            }
            lost
        }
        #[cfg(not(unix))]
        {
            let _ = file.set_permissions(self.meta.permissions());
            Vec::new()
        }
    }

    /// The mode for `history/` beside a file of this access, in a folder of mode `parent`: the
    /// file's read and write bits with search bits where it may be read, and the folder's set-gid
    /// and group-write bits, so that every colleague who may save may keep a copy there.
    #[cfg(unix)]
    pub fn folder_mode(&self, parent: u32) -> u32 {
        use std::os::unix::fs::MetadataExt;
        let file = self.meta.mode() & 0o666;
        let search = (file & 0o444) >> 2;
        file | search | (parent & 0o2020)
    }
}

/// The access list of `file`, where it has one.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn read_acl(file: &File) -> Option<Vec<u8>> {
    let size = rustix::fs::fgetxattr_query(file, ACL).ok()?;
    let mut value = vec![0; size];
    let read = rustix::fs::fgetxattr(file, ACL, &mut value[..]).ok()?;
    value.truncate(read);
    Some(value)
}

/// Creates the folder `history/` (or any folder the store keeps copies in) with the access that
/// `access` calls for, or leaves an existing one as it is.
pub fn create_folder(folder: &Path, access: Option<&Access>) -> std::io::Result<()> {
    match std::fs::create_dir(folder) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    if let Some(access) = access {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let parent = folder.parent().and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.mode());
        if let Ok(dir) = File::open(folder) {
            let _ = rustix::fs::fchown(&dir, None, Some(rustix::fs::Gid::from_raw(access.meta.gid())));
        }
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(access.folder_mode(parent)))?;
    }
    #[cfg(not(unix))]
    let _ = access;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_written_file_gets_the_data_files_mode_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        std::fs::write(&data, "x").unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o640)).unwrap();
        let access = Access::of(&data).unwrap();
        let copy = dir.path().join("copy");
        let file = File::create(&copy).unwrap();
        assert!(access.give(&file).is_empty());
        assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o7777, 0o640);
    }

    #[test]
    fn the_history_folder_may_be_searched_where_the_file_may_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        std::fs::write(&data, "x").unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o664)).unwrap();
        let access = Access::of(&data).unwrap();
        assert_eq!(access.folder_mode(0o2775), 0o2775);
        assert_eq!(access.folder_mode(0o755), 0o775);
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(Access::of(&data).unwrap().folder_mode(0o755), 0o700);
    }
}
