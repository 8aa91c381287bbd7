//! The lock on the data file while someone changes it, as visudo and vipw hold one: an OS lock
//! (`flock` on Unix, `LockFileEx` on Windows, through the standard library) on a file beside the
//! data file, held for the whole change. The OS frees it when the holder ends in any way, a
//! crash, `kill -9` or a lost network connection included, so no lock ever has to be judged
//! stale, and nobody deletes a lock file.
//!
//! The file's text only names the holder (user, host, process, since) for the message a colleague
//! sees. On Windows the lock bars reading the file too, so a colleague there is told "someone".

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::i18n::{Bilingual, Lang};

/// The most of a lock file that is read to name its holder: a holder's text is far shorter, and
/// a huge or endless file (a link to `/dev/zero`) is not read further.
const MAX_HOLDER_TEXT: u64 = 4096;

/// How long a busy lock is retried before the change is refused: long enough for a colleague's
/// `assign` to finish, short enough to answer at once.
const PATIENCE: Duration = Duration::from_millis(300);

/// Who holds a lock: what its file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The user's name.
    pub user: String,
    /// The computer's name.
    pub host: String,
    /// The process id there.
    pub pid: u32,
    /// When the lock was taken, as the local time was written then.
    pub since: String,
}

impl Holder {
    /// This process, now.
    pub fn me(lang: Lang) -> Holder {
        Holder {
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            since: crate::clock::local_date_time(lang),
        }
    }

    fn to_text(&self) -> String {
        let one_line = |s: &str| s.replace(['\n', '\r'], " ");
        format!(
            "user={}\nhost={}\npid={}\nsince={}\n",
            one_line(&self.user),
            one_line(&self.host),
            self.pid,
            one_line(&self.since)
        )
    }

    /// The holder a lock file names; `None` while it is empty, half written or not ours to read.
    fn parse(text: &str) -> Option<Holder> {
        let field = |name: &str| {
            text.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('='))).map(escape_controls)
        };
        Some(Holder {
            user: field("user")?,
            host: field("host")?,
            pid: field("pid")?.parse().ok()?,
            since: field("since")?,
        })
    }
}

/// `text` with every control character shown as an escape (`\u{1b}`), so that a name taken from
/// a file or the environment cannot move the cursor, clear the screen or retitle the window.
pub fn escape_controls(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// A lock this process holds. The OS releases it when this is dropped or the process ends.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

/// Why a lock could not be had.
#[derive(Debug)]
pub enum Refused {
    /// Someone else is changing the file: named by the lock file, or `None` when its text cannot
    /// be read (not written yet, or barred by the lock on Windows).
    Held(Option<Holder>),
    /// The lock file could not be opened or locked.
    Io(PathBuf, io::Error),
    /// The lock file's path holds a link, a folder, a pipe or a device.
    NotAFile(PathBuf),
    /// The data file's folder does not exist.
    NoFolder(PathBuf),
}

impl Refused {
    /// What to tell the user, in both languages.
    pub fn message(&self) -> Bilingual {
        match self {
            Refused::Held(Some(h)) => crate::i18n::lock_held(&h.user, &h.since, &h.host, h.pid),
            Refused::Held(None) => crate::i18n::lock_held_by_someone(),
            Refused::Io(path, e) => crate::i18n::file_failed(path, crate::i18n::doing::LOCK, e),
            Refused::NotAFile(path) => crate::i18n::lock_not_a_file(path),
            Refused::NoFolder(path) => crate::i18n::folder_not_found(path),
        }
    }
}

/// The lock file of `data`: `directory.ron.lock` beside `directory.ron`.
pub fn path_of(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    data.with_file_name(name)
}

impl Lock {
    /// Takes the lock of `data` (the real file, links resolved), or says who holds it.
    pub fn take(data: &Path, lang: Lang) -> Result<Lock, Refused> {
        let path = path_of(data);
        let mut file = open(&path)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(Refused::Held(read_holder(&mut file))),
                Err(std::fs::TryLockError::Error(e)) => return Err(Refused::Io(path, e)),
            }
        }
        // Who holds it, for colleagues' messages. The lock is ours whether or not this is written.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(Holder::me(lang).to_text().as_bytes()))
            .and_then(|()| file.sync_data());
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // The name goes while the lock is still held, so that nobody reads a holder who has left;
        // the file itself stays, as a colleague may already be waiting on it.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// Opens the lock file for locking, creating it, and refuses anything but a regular file: a
/// symbolic link is not followed, and a pipe or device is neither waited on nor read.
fn open(path: &Path) -> Result<File, Refused> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32);
    }
    let opened = options.open(path).or_else(|e| match e.kind() {
        // A colleague's lock file that this user may not write: a lock needs only reading, and
        // the name stays unwritten.
        io::ErrorKind::PermissionDenied => options.write(false).create(false).open(path),
        _ => Err(e),
    });
    let file = match opened {
        Ok(file) => file,
        Err(e) if is_link_refusal(&e) => return Err(Refused::NotAFile(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let folder = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            return Err(Refused::NoFolder(folder));
        }
        Err(e) => return Err(Refused::Io(path.to_path_buf(), e)),
    };
    match file.metadata() {
        Ok(meta) if meta.is_file() => {
            // A lock file this user made (now or earlier) gets the data file's group and mode, so
            // that every colleague who may change the data file can open its lock.
            if owned_by_me(&meta) {
                let data = path.with_extension("");
                let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let access = super::access::Access::of(&data).unwrap_or_else(|| super::access::Access::new_in(folder));
                // Its owner must keep writing the holder's name, whatever the data file's mode.
                let _ = access.give(&file, 0o600);
            }
            Ok(file)
        }
        Ok(_) => Err(Refused::NotAFile(path.to_path_buf())),
        Err(e) => Err(Refused::Io(path.to_path_buf(), e)),
    }
}

/// True for the errors an open with `O_NOFOLLOW` gives on a symbolic link, or that a folder gives.
fn is_link_refusal(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        let errno = error.raw_os_error().map(rustix::io::Errno::from_raw_os_error);
        matches!(errno, Some(rustix::io::Errno::LOOP | rustix::io::Errno::ISDIR | rustix::io::Errno::NXIO))
    }
    #[cfg(not(unix))]
    {
        error.kind() == io::ErrorKind::IsADirectory
    }
}

/// True where this process's user owns the file (on Windows, where access is inherited: never).
fn owned_by_me(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::uid(meta) == rustix::process::getuid().as_raw()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The holder the lock file names, read with a bound.
fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(MAX_HOLDER_TEXT).read_to_string(&mut text).ok()?;
    Holder::parse(&text)
}

/// The user's name, as the environment or (on Unix) the user database knows it.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .or_else(user_of_uid)
        .unwrap_or_else(|| "?".into())
}

/// The name `/etc/passwd` gives this process's user, where the environment names nobody.
#[cfg(unix)]
fn user_of_uid() -> Option<String> {
    let uid = rustix::process::getuid().as_raw().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.get(2) == Some(&uid.as_str())).then(|| fields[0].to_string())
    })
}

#[cfg(not(unix))]
fn user_of_uid() -> Option<String> {
    None
}

/// This computer's name.
pub fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname().nodename().to_string_lossy().into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_else(|_| "?".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_naming_the_holder_and_freed_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        let lock = Lock::take(&data, Lang::En).unwrap();
        let refused = Lock::take(&data, Lang::En).unwrap_err();
        let Refused::Held(holder) = &refused else { panic!("held: {refused:?}") };
        if cfg!(unix) {
            let holder = holder.as_ref().unwrap();
            assert_eq!((holder.pid, holder.host.clone()), (std::process::id(), host_name()));
            assert!(refused.message().en.contains("has been editing the file since"));
        }
        drop(lock);
        assert!(path_of(&data).exists(), "a lock file is never deleted");
        assert!(Lock::take(&data, Lang::En).is_ok());
    }

    #[test]
    fn an_empty_or_garbled_lock_file_locks_nobody_out() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        for text in [&b""[..], b"hello", b"\xff\xfe\x00garbage", b"user=ghost\nhost=x\npid=1\nsince=then\n"] {
            std::fs::write(path_of(&data), text).unwrap();
            drop(Lock::take(&data, Lang::En).unwrap());
        }
    }

    #[test]
    fn a_holder_without_a_readable_name_is_someone() {
        assert_eq!(Holder::parse(""), None);
        assert!(Refused::Held(None).message().en.contains("someone"));
    }

    #[test]
    fn control_characters_in_a_name_are_shown_escaped() {
        let holder = Holder::parse("user=\u{1b}]0;owned\u{7}mallory\nhost=x\npid=1\nsince=now\n").unwrap();
        assert_eq!(holder.user, "\\u{1b}]0;owned\\u{7}mallory");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_a_pipe_or_a_folder_in_the_lock_files_place_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        std::os::unix::fs::symlink("/dev/zero", path_of(&data)).unwrap();
        assert!(matches!(Lock::take(&data, Lang::En), Err(Refused::NotAFile(_))));
        std::fs::remove_file(path_of(&data)).unwrap();
        std::fs::create_dir(path_of(&data)).unwrap();
        assert!(matches!(Lock::take(&data, Lang::En), Err(Refused::NotAFile(_))));
    }
}
