//! Who may read and change the data file, kept on everything the store writes beside it: the new
//! version of the file, its copies in `history/`, the change log and the lock. A colleague who
//! reaches the file through its group, or an access list, keeps reaching it after anyone's save,
//! and no copy is readable by more people than the file itself.
//!
//! On Unix that is the file's group and mode, its owner where the saver may set it (root), and its
//! POSIX access list where the system has them. On Windows a new file inherits the folder's
//! access rules; only the read-only flag is copied.

use std::fs::File;
use std::path::Path;

use crate::i18n::Bilingual;

/// The access of the data file, to give to what is written beside it.
#[derive(Debug, Clone)]
pub struct Access {
    /// Owner, group and mode (Unix); `None` for a file that is still to be created, whose owner
    /// and group are the saver's and the folder's.
    #[cfg(unix)]
    ids: Option<(u32, u32)>,
    #[cfg(unix)]
    mode: u32,
    #[cfg(not(unix))]
    readonly: bool,
    /// The POSIX access list, as the system stores it.
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    acl: Option<Vec<u8>>,
}

/// The extended attribute that holds a POSIX access list.
#[cfg(any(target_os = "linux", target_os = "macos"))]
const ACL: &str = "system.posix_acl_access";

impl Access {
    /// The access of the file at `path`; `None` where there is no regular file.
    pub fn of(path: &Path) -> Option<Access> {
        let file = File::open(path).ok()?;
        let meta = file.metadata().ok().filter(std::fs::Metadata::is_file)?;
        Some(Access {
            #[cfg(unix)]
            ids: Some((std::os::unix::fs::MetadataExt::uid(&meta), std::os::unix::fs::MetadataExt::gid(&meta))),
            #[cfg(unix)]
            mode: std::os::unix::fs::MetadataExt::mode(&meta) & 0o7777,
            #[cfg(not(unix))]
            readonly: meta.permissions().readonly(),
            #[cfg(any(target_os = "linux", target_os = "macos"))]
            acl: read_acl(&file),
        })
    }

    /// The access of a data file that is still to be created in `folder`: readable by all, and
    /// writable by the folder's group where the folder is (a shared folder); the group is the
    /// folder's where it passes it on (set-gid).
    pub fn new_in(folder: &Path) -> Access {
        #[cfg(unix)]
        {
            let meta = std::fs::metadata(folder).ok();
            let folder_mode = meta.as_ref().map_or(0, std::os::unix::fs::MetadataExt::mode);
            Access {
                ids: None,
                mode: 0o644 | (folder_mode & 0o020),
                #[cfg(any(target_os = "linux", target_os = "macos"))]
                acl: None,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = folder;
            Access { readonly: false }
        }
    }

    /// Gives `file` this access: owner (where permitted), group, mode and access list, with
    /// `extra` mode bits (the lock must stay writable by its owner). Says what could not be kept,
    /// in words; nothing when all was.
    pub fn give(&self, file: &File, extra: u32) -> Vec<Bilingual> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let mut lost = Vec::new();
            let mine = file.metadata().ok();
            if let Some((uid, gid)) = self.ids {
                let (owner, group) = (rustix::fs::Uid::from_raw(uid), rustix::fs::Gid::from_raw(gid));
                if mine.as_ref().is_some_and(|m| m.uid() != uid)
                    && rustix::fs::fchown(file, Some(owner), Some(group)).is_err()
                    && rustix::fs::fchown(file, None, Some(group)).is_ok()
                {
                    lost.push(crate::i18n::access_lost_owner(uid));
                }
                if mine.as_ref().is_some_and(|m| m.gid() != gid) && rustix::fs::fchown(file, None, Some(group)).is_err()
                {
                    lost.push(crate::i18n::access_lost_group(gid));
                }
            }
            // After the owner and group: changing those clears the set-id bits.
            use std::os::unix::fs::PermissionsExt;
            if file.set_permissions(std::fs::Permissions::from_mode(self.mode | extra)).is_err() {
                lost.push(crate::i18n::access_lost_mode(self.mode));
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
            let _ = extra;
            let mut permissions = file.metadata().map(|m| m.permissions()).ok();
            if let Some(p) = permissions.as_mut() {
                p.set_readonly(self.readonly);
                let _ = file.set_permissions(p.clone());
            }
            Vec::new()
        }
    }

    /// The mode for `history/` beside a file of this access, in a folder of mode `parent`: the
    /// file's read and write bits with search bits where it may be read, the saver's own full
    /// access, and the folder's set-gid and group-write bits, so that every colleague who may
    /// save may keep a copy there.
    #[cfg(unix)]
    fn folder_mode(&self, parent: u32) -> u32 {
        let file = self.mode & 0o666;
        let search = (file & 0o444) >> 2;
        file | search | 0o700 | (parent & 0o2020)
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

/// A file's access list made fit for a folder: whoever may read the file may search the folder.
/// The list is a 4-byte version and 8-byte entries (tag, permissions, id), as Linux stores it.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn acl_for_folder(acl: &[u8]) -> Vec<u8> {
    const READ: u16 = 4;
    const SEARCH: u16 = 1;
    let mut out = acl.to_vec();
    if out.len() < 4 {
        return out;
    }
    for entry in out[4..].chunks_exact_mut(8) {
        let perm = u16::from_le_bytes([entry[2], entry[3]]);
        let perm = if perm & READ != 0 { perm | SEARCH } else { perm };
        entry[2..4].copy_from_slice(&perm.to_le_bytes());
    }
    out
}

/// Creates the folder `history/` (or any folder the store keeps copies in) with the access that
/// `access` calls for, or leaves an existing one as it is.
pub fn create_folder(folder: &Path, access: &Access) -> std::io::Result<()> {
    match std::fs::create_dir(folder) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let parent = folder.parent().and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.mode());
        let dir = File::open(folder)?;
        if let Some((_, gid)) = access.ids {
            let _ = rustix::fs::fchown(&dir, None, Some(rustix::fs::Gid::from_raw(gid)));
        }
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(access.folder_mode(parent)))?;
        #[cfg(any(target_os = "linux", target_os = "macos"))]
        if let Some(acl) = &access.acl {
            let _ = rustix::fs::fsetxattr(&dir, ACL, &acl_for_folder(acl), rustix::fs::XattrFlags::empty());
        }
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
        assert!(access.give(&file, 0).is_empty());
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
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o444)).unwrap();
        assert_eq!(Access::of(&data).unwrap().folder_mode(0o755), 0o755, "the saver may still write");
    }

    #[test]
    fn a_folders_access_list_lets_readers_search_it() {
        let mut acl = vec![2, 0, 0, 0];
        acl.extend([2u8, 0, 6, 0, 0xea, 3, 0, 0]); // user 1002: rw
        assert_eq!(&acl_for_folder(&acl)[4..], [2, 0, 7, 0, 0xea, 3, 0, 0]);
    }
}
