//! `partnerdesk notes`: the phone messages the journal keeps, newest first, today's by default.

use std::io::IsTerminal;

use clap::Args as ClapArgs;

use super::{Args, Failure, Out};
use crate::exit::ExitStatus;
use crate::notes::{self, Journal};

/// Options of `partnerdesk notes`.
#[derive(Debug, ClapArgs)]
pub struct NotesArgs {
    /// Every kept note, not only today's.
    #[arg(long)]
    pub all: bool,
    /// Print a JSON array of objects instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Lists the journal's notes, after removing those older than the retention.
pub fn run(args: &Args, options: &NotesArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let lang = args.lang();
    let failed = |e: notes::JournalError| Failure::Usage(crate::i18n::journal_error(&e));
    let journal = Journal::locate().map_err(failed)?;
    let now = crate::clock::now();
    journal.prune(notes::retention_days().map_err(failed)?, now).map_err(failed)?;
    let read = journal.read().map_err(failed)?;
    if read.skipped > 0 {
        let said = crate::i18n::lines_skipped(read.skipped, &journal.path().display().to_string());
        crate::stderr::say(&said, lang);
    }
    let shown: Vec<_> = read.entries.iter().filter(|e| options.all || e.is_of_day(now)).collect();
    if options.json {
        out.line(&super::to_json(&shown))?;
        return Ok(ExitStatus::Success);
    }
    for (i, entry) in shown.iter().enumerate() {
        if i > 0 {
            out.line("")?;
        }
        out.line(&format!("{} · {}", entry.when, crate::i18n::delivery(&entry.delivery).get(lang)))?;
        // The note as it is sent, without its first line (the time, said above).
        for line in entry.message().text(lang).split("\r\n").skip(1) {
            out.line(&format!("  {line}"))?;
        }
    }
    if shown.is_empty() && std::io::stdout().is_terminal() {
        crate::stderr::say(&crate::i18n::no_notes(options.all), lang);
    }
    Ok(ExitStatus::Success)
}
