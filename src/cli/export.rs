//! `partnerdesk export --vcard`: the team's contacts for Outlook or a desk phone.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    let cards = vcard::people(&dir);
    match &export.out {
        None => out.raw(&cards)?,
        Some(path) => write_atomically(path, cards.as_bytes())
            .map_err(|e| Failure::Usage(format!("{}: cannot write: {e}", path.display())))?,
    }
    Ok(ExitStatus::Success)
}

/// Writes a temporary file in the same folder, then renames it over `path`: a reader never sees
/// a half-written file, and an existing one stays whole if anything fails.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
