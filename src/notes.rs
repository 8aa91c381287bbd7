//! The journal of phone messages: every note the desk sends is written here first, and every
//! note left open when the view ends (Ctrl-C, a closed window, a signal, a crash) is kept as a
//! draft, so that no note exists only on the screen or in the clipboard.
//!
//! The journal is one file, `notes.jsonl`, in the user's own data folder (the `directories`
//! crate's data dir: `~/.local/share/partnerdesk` on Linux, `%APPDATA%\partnerdesk\data` on
//! Windows, `~/Library/Application Support/partnerdesk` on macOS; `PARTNERDESK_NOTES_DIR`
//! overrides it). It is append-only JSON lines, readable only by its owner on Unix (0600): each
//! line a whole [`Entry`]; a later line with the same id records a new delivery state. It is read
//! lossily, so that a torn last line (a crash mid-write) or a stray byte loses only that line.
//! Entries older than [`retention_days`] are removed at the start of the view and of
//! `partnerdesk notes`.
//!
//! Sending a note, for any front end: [`Entry::new`] with [`Delivery::Sending`] and
//! [`Journal::append`] first (write ahead); then [`crate::handover::open`] with the `mailto:`
//! link; then [`Journal::update`] with [`Delivery::Mailed`] when the outcome
//! [`is_done`](crate::handover::Outcome::is_done), else [`Delivery::NotDelivered`]. A note copied
//! by [`crate::handover::copy`] is recorded as [`Delivery::Copied`] unless it was delivered.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, FixedOffset, Local};
use serde::{Deserialize, Serialize};

use crate::actions::{About, PhoneMessage};
use crate::handover::Outcome;

/// The journal's file name inside its folder.
pub const FILE: &str = "notes.jsonl";

/// The environment variable that names another folder for the journal.
pub const DIR_VAR: &str = "PARTNERDESK_NOTES_DIR";

/// The environment variable that sets how many days notes are kept.
pub const DAYS_VAR: &str = "PARTNERDESK_NOTES_DAYS";

/// How many days notes are kept unless [`DAYS_VAR`] says otherwise.
pub const DEFAULT_DAYS: u32 = 30;

/// Where a phone message stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Written the moment the desk sent it; the hand-over had not reported yet. A note left in
    /// this state was not delivered (the program ended during the hand-over).
    Sending,
    /// The mail program's opener took the `mailto:` link and exited with status 0.
    Mailed {
        /// The opener that took it: `xdg-open`, `open`, `Windows`.
        program: String,
    },
    /// Only copied to the clipboard, by this tool: not delivered to anyone yet.
    Copied {
        /// The clipboard tool: `xclip`, `wl-copy`, `Windows`, … or `OSC 52` (not confirmed).
        tool: String,
    },
    /// The hand-over failed: why.
    NotDelivered {
        /// How handing it to the mail program ended.
        mail: Outcome,
    },
    /// The view ended with the note open and unsent (no explicit discard).
    Draft,
}

impl Delivery {
    /// True only when a mail program took the note.
    pub fn delivered(&self) -> bool {
        matches!(self, Delivery::Mailed { .. })
    }
}

/// One phone message in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique within the journal; later lines with the same id update the delivery state.
    pub id: String,
    /// When the note was first written to the journal, in local time with its offset.
    pub written: DateTime<FixedOffset>,
    /// When the call came, as the desk's clock showed it: `26.11.2026 14:05`.
    pub when: String,
    /// Who the message is for.
    pub to: String,
    /// Who stood in for them when the call came, if they were away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// Their email address, for sending it again.
    pub email: String,
    /// The city or topic the call was about.
    pub about: Option<About>,
    /// Who called.
    pub caller: String,
    /// Their number for a call back.
    pub callback: String,
    /// What it is about.
    pub concern: String,
    /// Where it stands.
    pub delivery: Delivery,
}

impl Entry {
    /// A new entry for `message` to `email`, written now, with a fresh id.
    pub fn new(message: &PhoneMessage, email: &str, delivery: Delivery) -> Entry {
        let PhoneMessage { when, about, to, cover, caller, callback, concern } = message.clone();
        Entry {
            id: new_id(),
            written: crate::clock::now().fixed_offset(),
            when,
            to,
            cover,
            email: email.to_string(),
            about,
            caller,
            callback,
            concern,
            delivery,
        }
    }

    /// The note as the form collected it, for its text and its `mailto:` link.
    pub fn message(&self) -> PhoneMessage {
        PhoneMessage {
            when: self.when.clone(),
            about: self.about.clone(),
            to: self.to.clone(),
            cover: self.cover.clone(),
            caller: self.caller.clone(),
            callback: self.callback.clone(),
            concern: self.concern.clone(),
        }
    }

    /// True when it was written on the local calendar day of `now`.
    pub fn is_of_day(&self, now: DateTime<Local>) -> bool {
        self.written.with_timezone(&Local).date_naive() == now.date_naive()
    }
}

/// A fresh entry id: the time in nanoseconds, the process and a counter, unique on one machine.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = crate::clock::now().timestamp_nanos_opt().unwrap_or_default();
    format!("{nanos:x}-{:x}-{:x}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The journal as read: its notes, newest first, each in its latest state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    /// The notes, newest first.
    pub entries: Vec<Entry>,
    /// Lines that could not be read (a torn last line, a stray edit); they are skipped.
    pub skipped: usize,
}

impl Read {
    /// How many notes of `now`'s day were not delivered to a mail program.
    pub fn undelivered_of_day(&self, now: DateTime<Local>) -> usize {
        self.entries.iter().filter(|e| e.is_of_day(now) && !e.delivery.delivered()).count()
    }
}

/// The journal file of phone messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    dir: PathBuf,
}

/// Why the journal cannot be used.
#[derive(Debug)]
pub enum JournalError {
    /// No home folder, so no data folder, and no [`DIR_VAR`].
    NoFolder,
    /// [`DAYS_VAR`] holds something other than a whole number of days.
    BadDays(String),
    /// Reading or writing the file failed.
    Io(PathBuf, io::Error),
}

impl Journal {
    /// The user's journal: in [`DIR_VAR`] when set, else in the user's data folder.
    pub fn locate() -> Result<Journal, JournalError> {
        match std::env::var_os(DIR_VAR).filter(|dir| !dir.is_empty()) {
            Some(dir) => Ok(Journal::at(PathBuf::from(dir))),
            None => directories::ProjectDirs::from("", "", "partnerdesk")
                .map(|dirs| Journal::at(dirs.data_dir().to_path_buf()))
                .ok_or(JournalError::NoFolder),
        }
    }

    /// A journal in `dir` (created on the first write).
    pub fn at(dir: PathBuf) -> Journal {
        Journal { dir }
    }

    /// The journal's file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// Appends `entry` as one line and flushes it to the disk before returning: once this
    /// returns `Ok`, the note survives the program.
    pub fn append(&self, entry: &Entry) -> Result<(), JournalError> {
        let path = self.path();
        let io = |e| JournalError::Io(path.clone(), e);
        let mut line = serde_json::to_string(entry).map_err(|e| io(io::Error::other(e)))?;
        line.push('\n');
        create_private_dir(&self.dir).map_err(io)?;
        let mut file = open_private(&path, OpenOptions::new().append(true).create(true)).map_err(io)?;
        // One write of the whole line: appends of other processes cannot land inside it.
        file.write_all(line.as_bytes()).map_err(io)?;
        file.sync_data().map_err(io)
    }

    /// Records a new delivery state for the note with `entry`'s id.
    pub fn update(&self, entry: &Entry, delivery: Delivery) -> Result<Entry, JournalError> {
        let entry = Entry { delivery, ..entry.clone() };
        self.append(&entry)?;
        Ok(entry)
    }

    /// Every note, newest first, in its latest state; a missing file is an empty journal.
    pub fn read(&self) -> Result<Read, JournalError> {
        let path = self.path();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::default()),
            Err(e) => return Err(JournalError::Io(path, e)),
        };
        Ok(parse(&bytes))
    }

    /// Removes the notes first written on a local calendar day more than `days` days before
    /// `now`'s (0 keeps today's only); returns how many lines it removed.
    /// The file is rewritten only when something is removed: into a new private file beside it,
    /// then renamed over it.
    pub fn prune(&self, days: u32, now: DateTime<Local>) -> Result<usize, JournalError> {
        let path = self.path();
        let io = |e| JournalError::Io(path.clone(), e);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(io(e)),
        };
        let cutoff = now.date_naive() - chrono::Days::new(u64::from(days));
        let mut removed = 0;
        let mut kept = Vec::with_capacity(bytes.len());
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            let old = serde_json::from_slice::<Entry>(line.trim_ascii())
                .is_ok_and(|entry| entry.written.with_timezone(&Local).date_naive() < cutoff);
            if old {
                removed += 1;
            } else if !line.trim_ascii().is_empty() {
                kept.extend_from_slice(line);
            }
        }
        if removed == 0 {
            return Ok(0);
        }
        let fresh = self.dir.join(format!("{FILE}.{}", new_id()));
        let written = open_private(&fresh, OpenOptions::new().write(true).create_new(true))
            .and_then(|mut file| file.write_all(&kept).and_then(|()| file.sync_data()))
            .and_then(|()| std::fs::rename(&fresh, &path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&fresh);
            return Err(io(e));
        }
        Ok(removed)
    }
}

/// The journal's lines, read lossily: each line that parses is a state of its note; the latest
/// line of an id wins, and notes come newest first.
fn parse(bytes: &[u8]) -> Read {
    let mut latest: HashMap<String, usize> = HashMap::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut skipped = 0;
    for line in bytes.split(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(line);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Entry>(line.trim()) {
            Ok(entry) => match latest.get(&entry.id) {
                Some(&at) => entries[at] = entry,
                None => {
                    latest.insert(entry.id.clone(), entries.len());
                    entries.push(entry);
                }
            },
            Err(_) => skipped += 1,
        }
    }
    entries.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| b.id.cmp(&a.id)));
    Read { entries, skipped }
}

/// How many days back notes are kept: [`DAYS_VAR`] when set (a whole number; 0 keeps today's
/// only), else [`DEFAULT_DAYS`].
pub fn retention_days() -> Result<u32, JournalError> {
    match std::env::var(DAYS_VAR) {
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT_DAYS),
        Ok(value) if value.trim().is_empty() => Ok(DEFAULT_DAYS),
        Ok(value) => value.trim().parse().map_err(|_| JournalError::BadDays(value)),
        Err(std::env::VarError::NotUnicode(value)) => Err(JournalError::BadDays(value.to_string_lossy().into())),
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    // %APPDATA% is the user's own; its folders inherit that.
    std::fs::create_dir_all(dir)
}

/// Opens `path` with `options`; on Unix a new file is created readable by its owner only, and an
/// older file is made so.
#[cfg(unix)]
fn open_private(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = options.mode(0o600).open(path)?;
    if file.metadata()?.permissions().mode() & 0o077 != 0 {
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_private(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(caller: &str) -> PhoneMessage {
        PhoneMessage {
            when: "30.11.2026 09:15".into(),
            about: Some(About::City("Płock".into())),
            to: "Irene Schewe".into(),
            cover: None,
            caller: caller.into(),
            callback: "+48 24 367 1000".into(),
            concern: "Besuch im Mai".into(),
        }
    }

    #[test]
    fn a_note_is_read_back_in_its_latest_state_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("sub"));
        let first = Entry::new(&message("Jan Kowalski"), "a@b.de", Delivery::Sending);
        journal.append(&first).unwrap();
        let second = Entry::new(&message("Anna Nowak"), "a@b.de", Delivery::Draft);
        journal.append(&second).unwrap();
        let mail = Outcome::Exited { program: "xdg-open".into(), status: Some(4) };
        journal.update(&first, Delivery::NotDelivered { mail: mail.clone() }).unwrap();
        let read = journal.read().unwrap();
        assert_eq!(read.skipped, 0);
        let callers: Vec<&str> = read.entries.iter().map(|e| e.caller.as_str()).collect();
        assert_eq!(callers, ["Anna Nowak", "Jan Kowalski"]);
        assert_eq!(read.entries[1].delivery, Delivery::NotDelivered { mail });
        assert_eq!(read.entries[1].message(), message("Jan Kowalski"));
        assert_eq!(read.undelivered_of_day(Local::now()), 2);
    }

    #[test]
    fn a_torn_last_line_and_stray_bytes_lose_only_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().to_path_buf());
        journal.append(&Entry::new(&message("Jan Kowalski"), "a@b.de", Delivery::Draft)).unwrap();
        let mut file = OpenOptions::new().append(true).open(journal.path()).unwrap();
        file.write_all(b"\xff\xfe not json\n{\"id\":\"x\",\"writ").unwrap();
        let read = journal.read().unwrap();
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.skipped, 2);
        // The next note starts on a line of its own: only the torn one is lost.
        file.write_all(b"\n").unwrap();
        journal.append(&Entry::new(&message("Anna Nowak"), "a@b.de", Delivery::Draft)).unwrap();
        assert_eq!(journal.read().unwrap().entries.len(), 2);
    }

    #[test]
    fn old_notes_are_pruned_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().to_path_buf());
        let mut old = Entry::new(&message("Alt"), "a@b.de", Delivery::Draft);
        old.written = (Local::now() - chrono::Duration::days(31)).fixed_offset();
        journal.append(&old).unwrap();
        journal.update(&old, Delivery::Copied { tool: "xclip".into() }).unwrap();
        journal.append(&Entry::new(&message("Neu"), "a@b.de", Delivery::Draft)).unwrap();
        assert_eq!(journal.prune(30, Local::now()).unwrap(), 2);
        let read = journal.read().unwrap();
        assert_eq!(read.entries.iter().map(|e| e.caller.as_str()).collect::<Vec<_>>(), ["Neu"]);
        assert_eq!(journal.prune(30, Local::now()).unwrap(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn the_journal_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("new"));
        journal.append(&Entry::new(&message("Jan"), "a@b.de", Delivery::Draft)).unwrap();
        let mode = std::fs::metadata(journal.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let mode = std::fs::metadata(dir.path().join("new")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn ids_differ() {
        assert_ne!(new_id(), new_id());
    }
}
