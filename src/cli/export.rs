//! `partnerdesk export --vcard`: the team's contacts for Outlook or a desk phone.

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::{Args, Failure, Out, vcard};
use crate::exit::ExitStatus;

/// Options of `partnerdesk export`.
#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// Write the people as vCard 4.0 (the only format so far).
    #[arg(long, required = true)]
    pub vcard: bool,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Writes the vCards.
pub fn run(args: &Args, export: &ExportArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let dir = super::load(args)?;
    let cards = vcard::people(&dir, args.lang());
    match &export.out {
        None => out.raw(&cards)?,
        Some(path) => super::atomic::write_atomically(path, cards.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}
