//! `partnerdesk history`: the data file's change log, newest first; and `partnerdesk diff OLD
//! NEW`: what changed between two data files, in words.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use serde::Serialize;

use super::{Args, Failure, Out, keep};
use crate::directory::Source;
use crate::exit::ExitStatus;
use crate::store::lock::escape_controls;
use crate::store::{diff, log};

/// Options of `partnerdesk history`.
#[derive(Debug, ClapArgs)]
pub struct HistoryArgs {
    /// Print a JSON array of objects instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// One change of the log, as `history --json` gives it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// When, local time: `2026-11-29 14:30:05`.
    pub time: String,
    /// Who, with control characters escaped.
    pub user: String,
    /// What changed, in the reader's language (a line of an older log in its own words).
    pub change: String,
}

/// Prints the change log of the data file, newest first, in the reader's language. The log is
/// read lossily: a hand edit costs at most its own line.
pub fn run(args: &Args, options: &HistoryArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let path = keep::data_file(args, "history")?;
    let log = log::read(&path).map_err(|e| Failure::Usage(crate::i18n::file_error(&log::path_of(&path), &e)))?;
    let current = std::fs::metadata(&path).is_ok_and(|m| m.is_file()).then(|| std::fs::read(&path).ok()).flatten();
    let entries: Vec<Entry> = log::entries(&log, current.as_deref())
        .into_iter()
        .map(|log::Entry { time, user, change }| Entry {
            time: escape_controls(&time),
            user: escape_controls(&user),
            change: escape_controls(&match change {
                log::Recorded::Change(change) => change.words(lang),
                log::Recorded::Words(words) => words,
            }),
        })
        .collect();
    if options.json {
        out.line(&super::to_json(&entries))?;
        return Ok(ExitStatus::Success);
    }
    if entries.is_empty() {
        crate::stderr::say(&crate::i18n::no_history(&path.display().to_string()), lang);
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
    // The two files are read and checked at once, one on each core: at 100,000 entries that
    // halves the wait (benches/keep.sh).
    let load = |path: &PathBuf| crate::directory::load(&Source::File(path.clone()), year);
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| load(&files.old));
        let new = load(&files.new);
        (old.join(), new)
    });
    let old = old.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let new = new?;
    let changes = diff::changes(old.data(), new.data());
    if changes.is_empty() {
        out.line(crate::i18n::no_differences().get(lang))?;
    }
    for change in changes {
        out.line(&change.words(lang))?;
    }
    Ok(ExitStatus::Success)
}
