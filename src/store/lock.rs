//! A lock beside the data file while someone edits it, as visudo and vipw take one: a file
//! created exclusively, holding who took it, where, as which process and when.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::i18n::{Bilingual, Lang};

/// A lock older than this is taken over, whoever holds it: nobody edits for half a day.
pub const STALE_AFTER: Duration = Duration::from_secs(12 * 60 * 60);

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
    /// The same moment as seconds since 1970, to judge its age.
    pub since_secs: u64,
}

impl Holder {
    /// This process, now.
    pub fn me(lang: Lang) -> Holder {
        let now = SystemTime::now();
        Holder {
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            since: crate::clock::date_time_of(now, lang),
            since_secs: now.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "user={}\nhost={}\npid={}\nsince={}\nsince_secs={}\n",
            self.user, self.host, self.pid, self.since, self.since_secs
        )
    }

    fn parse(text: &str) -> Option<Holder> {
        let field = |name: &str| {
            text.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('='))).map(str::to_string)
        };
        Some(Holder {
            user: field("user")?,
            host: field("host")?,
            pid: field("pid")?.parse().ok()?,
            since: field("since")?,
            since_secs: field("since_secs")?.parse().ok()?,
        })
    }

    /// True when nobody can still be editing under this lock: older than [`STALE_AFTER`], or
    /// taken by a process on this computer that has ended.
    fn is_stale(&self) -> bool {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        now.saturating_sub(self.since_secs) > STALE_AFTER.as_secs()
            || (self.host == host_name() && !process_alive(self.pid))
    }
}

/// A lock this process holds; dropping it removes the lock file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// Why a lock could not be had.
#[derive(Debug)]
pub enum Refused {
    /// Someone else is editing.
    Held(Holder),
    /// The lock file could not be written or read.
    Io(PathBuf, io::Error),
}

impl Refused {
    /// What to tell the user, in both languages.
    pub fn message(&self) -> Bilingual {
        match self {
            Refused::Held(h) => crate::i18n::lock_held(&h.user, &h.since, &h.host, h.pid),
            Refused::Io(path, e) => crate::i18n::file_failed(path, crate::i18n::doing::LOCK, e),
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
    /// Takes the lock of `data`. A stale lock is taken over, and `warn` is told whose it was.
    pub fn take(data: &Path, lang: Lang, mut warn: impl FnMut(&Holder)) -> Result<Lock, Refused> {
        let path = path_of(data);
        for _ in 0..2 {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let written = file.write_all(Holder::me(lang).to_text().as_bytes()).and_then(|()| file.sync_all());
                    if let Err(e) = written {
                        let _ = std::fs::remove_file(&path);
                        return Err(Refused::Io(path, e));
                    }
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let text = std::fs::read_to_string(&path).map_err(|e| Refused::Io(path.clone(), e))?;
                    match Holder::parse(&text) {
                        Some(holder) if !holder.is_stale() => return Err(Refused::Held(holder)),
                        Some(holder) => warn(&holder),
                        // Not ours to read: someone else's file, or half written. Treat it as held.
                        None => {
                            return Err(Refused::Io(path.clone(), io::Error::other("unreadable lock file")));
                        }
                    }
                    std::fs::remove_file(&path).map_err(|e| Refused::Io(path.clone(), e))?;
                }
                Err(e) => return Err(Refused::Io(path, e)),
            }
        }
        Err(Refused::Io(path, io::Error::other("the lock was taken again meanwhile")))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
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

/// True while a process with this id runs on this computer.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return false };
        // EPERM: it runs, as another user's process.
        !matches!(rustix::process::test_kill_process(pid), Err(e) if e == rustix::io::Errno::SRCH)
    }
    #[cfg(not(unix))]
    {
        // Windows: no safe look-up here; such a lock goes stale by age alone.
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_naming_the_holder_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        let lock = Lock::take(&data, Lang::En, |_| panic!("not stale")).unwrap();
        let Err(Refused::Held(holder)) = Lock::take(&data, Lang::En, |_| panic!("not stale")) else {
            panic!("refused")
        };
        assert_eq!((holder.pid, holder.host.clone()), (std::process::id(), host_name()));
        assert!(Refused::Held(holder).message().en.contains("has been editing the file since"));
        drop(lock);
        assert!(!path_of(&data).exists());
        assert!(Lock::take(&data, Lang::En, |_| panic!("not stale")).is_ok());
    }

    #[test]
    fn a_lock_of_an_ended_process_or_of_yesterday_is_taken_over_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        let old = Holder { since_secs: 0, ..Holder::me(Lang::En) };
        std::fs::write(path_of(&data), old.to_text()).unwrap();
        let mut warned = Vec::new();
        let _lock = Lock::take(&data, Lang::En, |h| warned.push(h.clone())).unwrap();
        assert_eq!(warned, [old]);
    }
}
