//! The change log beside the data file (`directory.ron.log`): one JSON object a line, in no
//! language, so that `history` words it in the reader's. Every install writes an *intent* before
//! it replaces the file and a *done* after, so a kill between the two leaves no change unrecorded:
//! the next change, under the lock, finds the dangling intent and settles it by the file's content,
//! as done when the file holds what the intent installed, else as discarded.
//!
//! The log is read lossily and line by line, so a hand edit (a byte of another encoding, a line
//! without its newline, a stray line) costs at most that line. Lines of the older tab-separated
//! log are still read.

use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diff::Change;

/// The change log of `data`: `directory.ron.log` beside `directory.ron`.
pub fn path_of(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".log");
    data.with_file_name(name)
}

/// The most of a log that is read: far more than years of changes, and a bound against a link
/// to an endless file.
const MAX_LOG: u64 = 256 * 1024 * 1024;

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Line {
    /// A change about to be installed.
    Intent(Intent),
    /// The intent `id` was installed.
    Done {
        /// The intent's id.
        id: String,
    },
    /// The intent `id` was not installed (killed before, or refused).
    Discarded {
        /// The intent's id.
        id: String,
    },
}

/// A change about to be installed: who, when, what, and the file before and after by hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intent {
    /// Unique among the log's intents.
    pub id: String,
    /// Local time, `2026-11-29 14:30:05`.
    pub time: String,
    /// The user's name.
    pub user: String,
    /// The computer's name.
    pub host: String,
    /// The changes, language-neutral.
    pub changes: Vec<Change>,
    /// The xxh3 hash of the file this change installs, to settle a dangling intent.
    pub new_hash: String,
    /// Where the replaced version goes in `history/`.
    #[serde(default)]
    pub history: Option<String>,
}

/// The hash the log keeps of a file's bytes.
pub fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// An installed change as `history` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Local time, `2026-11-29 14:30:05`.
    pub time: String,
    /// The user's name, as written (escape control characters before showing it).
    pub user: String,
    /// What changed: structured, or the words of an older log's line.
    pub change: Recorded,
}

/// A change as the log holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// Written by this version: worded in the reader's language.
    Change(Change),
    /// A line of the older tab-separated log, in the words it was written in.
    Words(String),
}

/// Appends `line` to the log of `data`, on a line of its own, and flushes it to disk. A new log
/// gets `access` (the data file's group and mode).
pub fn append(data: &Path, line: &Line, access: Option<&super::access::Access>) -> io::Result<()> {
    let path = path_of(data);
    let mut options = std::fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A link or a pipe in the log's place is refused, not followed or waited on.
        options.custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32);
    }
    let mut file = options.open(&path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    if meta.len() == 0
        && let Some(access) = access
    {
        let _ = access.give(&file, 0);
    }
    let mut text = serde_json::to_string(line).map_err(io::Error::other)?;
    text.push('\n');
    // A log saved by hand without a final newline must not swallow this line.
    if meta.len() > 0 {
        let mut last = [0u8];
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            text.insert(0, '\n');
        }
    }
    file.write_all(text.as_bytes())?;
    file.sync_data()
}

/// The log of `data` as text, read lossily and with a bound; empty where there is none.
pub fn read(data: &Path) -> io::Result<String> {
    let path = path_of(data);
    // A pipe in the log's place is not waited on.
    let file = match crate::directory::open_without_waiting(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(String::new()),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_LOG).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The intents that were never settled, oldest first.
pub fn dangling(log: &str) -> Vec<Intent> {
    let mut open: Vec<Intent> = Vec::new();
    for line in log.lines().filter_map(|l| serde_json::from_str::<Line>(l.trim()).ok()) {
        match line {
            Line::Intent(intent) => open.push(intent),
            Line::Done { id } | Line::Discarded { id } => open.retain(|i| i.id != id),
        }
    }
    open
}

/// Settles every dangling intent of `data`'s log by the file's current bytes: the newest intent
/// whose installed file is the file now was done, every other was discarded. Run under the lock.
pub fn settle(data: &Path, current: Option<&[u8]>) -> io::Result<()> {
    let log = read(data)?;
    let open = dangling(&log);
    let now = current.map(hash);
    let installed = open.iter().rposition(|i| Some(&i.new_hash) == now.as_ref());
    for (n, intent) in open.into_iter().enumerate() {
        let id = intent.id;
        let line = if Some(n) == installed { Line::Done { id } } else { Line::Discarded { id } };
        append(data, &line, None)?;
    }
    Ok(())
}

/// The installed changes of a log, newest first. An intent counts once it is done, or while it
/// dangles with the file as it installed it (`current`); lines that are neither are skipped.
pub fn entries(log: &str, current: Option<&[u8]>) -> Vec<Entry> {
    let lines: Vec<&str> = log.lines().collect();
    let parsed: Vec<Option<Line>> = lines.iter().map(|l| serde_json::from_str::<Line>(l.trim()).ok()).collect();
    let settled: std::collections::HashMap<&str, bool> = parsed
        .iter()
        .flatten()
        .filter_map(|line| match line {
            Line::Done { id } => Some((id.as_str(), true)),
            Line::Discarded { id } => Some((id.as_str(), false)),
            Line::Intent(_) => None,
        })
        .collect();
    let now = current.map(hash);
    let mut entries = Vec::new();
    for (text, line) in lines.iter().zip(&parsed) {
        match line {
            Some(Line::Intent(intent)) => {
                let installed =
                    settled.get(intent.id.as_str()).copied().unwrap_or(Some(&intent.new_hash) == now.as_ref());
                if installed {
                    entries.extend(intent.changes.iter().map(|change| Entry {
                        time: intent.time.clone(),
                        user: intent.user.clone(),
                        change: Recorded::Change(change.clone()),
                    }));
                }
            }
            Some(_) => {}
            None => {
                let mut parts = text.trim_end_matches('\r').splitn(3, '\t');
                if let (Some(time), Some(user), Some(change)) = (parts.next(), parts.next(), parts.next()) {
                    let change = Recorded::Words(change.into());
                    entries.push(Entry { time: time.into(), user: user.into(), change });
                }
            }
        }
    }
    entries.reverse();
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::diff::{Kind, What};

    fn intent(id: &str, new: &[u8]) -> Line {
        Line::Intent(Intent {
            id: id.into(),
            time: "2026-11-30 11:00:00".into(),
            user: "anna".into(),
            host: "pc".into(),
            changes: vec![Change {
                kind: Kind::City,
                entry: "Graz".into(),
                what: What::Field { field: "contact".into(), old: "Julia Kuz".into(), new: "Jessica Otto".into() },
            }],
            new_hash: hash(new),
            history: None,
        })
    }

    #[test]
    fn a_dangling_intent_is_settled_by_the_files_content() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        append(&data, &intent("a", b"installed"), None).unwrap();
        append(&data, &intent("b", b"never installed"), None).unwrap();
        let log = read(&data).unwrap();
        assert_eq!(entries(&log, Some(b"installed")).len(), 1, "shown while it dangles");
        settle(&data, Some(b"installed")).unwrap();
        let log = read(&data).unwrap();
        assert!(dangling(&log).is_empty());
        assert_eq!(entries(&log, Some(b"something later")).len(), 1, "a was done, b discarded");
    }

    #[test]
    fn a_hand_edited_log_costs_at_most_its_own_lines() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("directory.ron");
        std::fs::write(
            path_of(&data),
            b"2026-11-30 10:00:00\tbj\xf6rn\tX: by hand\r\n{not json\n2026-11-30 10:01:00\tcarla\tno newline",
        )
        .unwrap();
        append(&data, &intent("a", b"x"), None).unwrap();
        append(&data, &Line::Done { id: "a".into() }, None).unwrap();
        let log = read(&data).unwrap();
        let shown = entries(&log, None);
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(matches!(shown[0].change, Recorded::Change(_)));
        assert_eq!(shown[1].change, Recorded::Words("no newline".into()));
        assert_eq!(shown[2].user, "bj\u{fffd}rn");
    }
}
