//! `partnerdesk history`: the data file's change log, newest first; and `partnerdesk diff OLD
//! NEW`: what changed between two data files, in words.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use serde::Serialize;

use super::{Args, Failure, Out, keep};
use crate::directory::Source;
use crate::exit::ExitStatus;
use crate::store::{diff, install};

/// Options of `partnerdesk history`.
#[derive(Debug, ClapArgs)]
pub struct HistoryArgs {
    /// Print a JSON array of objects instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// One line of the change log.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// When, local time: `2026-11-29 14:30:05`.
    pub time: String,
    /// Who.
    pub user: String,
    /// What changed, in words.
    pub change: String,
}

/// The entries of a change log, newest first; lines that are not entries are skipped.
pub fn entries(log: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = log
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let (time, user, change) = (parts.next()?, parts.next()?, parts.next()?);
            Some(Entry { time: time.into(), user: user.into(), change: change.into() })
        })
        .collect();
    entries.reverse();
    entries
}

/// Prints the change log of the data file.
pub fn run(args: &Args, options: &HistoryArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let path = keep::data_file(args, "history")?;
    let log_path = install::log_path(&path);
    let log = match std::fs::read_to_string(&log_path) {
        Ok(log) => log,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Failure::Usage(crate::i18n::file_error(&log_path, &e)));
        }
    };
    let entries = entries(&log);
    if options.json {
        out.line(&super::to_json(&entries))?;
        return Ok(ExitStatus::Success);
    }
    if entries.is_empty() {
        keep::say(crate::i18n::no_history(&path.display().to_string()).get(lang));
    }
    for Entry { time, user, change } in &entries {
        out.line(&format!("{time}  {user}  {change}"))?;
    }
    Ok(ExitStatus::Success)
}

/// Options of `partnerdesk diff`.
#[derive(Debug, ClapArgs)]
pub struct DiffArgs {
    /// The older data file.
    pub old: PathBuf,
    /// The newer data file.
    pub new: PathBuf,
}

/// Prints what changed from OLD to NEW, one change a line; both must be valid.
pub fn diff(args: &Args, files: &DiffArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let year = crate::clock::current_year();
    let old = crate::directory::load(&Source::File(files.old.clone()), year)?;
    let new = crate::directory::load(&Source::File(files.new.clone()), year)?;
    let changes = diff::changes(old.data(), new.data(), lang);
    if changes.is_empty() {
        out.line(crate::i18n::no_differences().get(lang))?;
    }
    for change in changes {
        out.line(&change)?;
    }
    Ok(ExitStatus::Success)
}
