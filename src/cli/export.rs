//! `partnerdesk export --vcard`: the team's contacts for Outlook or a desk phone.

use std::path::PathBuf;

use clap::{Args as ClapArgs, ValueEnum};

use super::{Args, Failure, Out, vcard};
use crate::exit::ExitStatus;

/// The vCard versions `--vcard-version` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum VcardVersion {
    /// vCard 3.0, which Outlook, Google Contacts and Apple Contacts import.
    #[default]
    #[value(name = "3.0")]
    V3,
    /// vCard 4.0 (RFC 6350).
    #[value(name = "4.0")]
    V4,
}

/// Options of `partnerdesk export`.
#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// Write the people as vCards.
    #[arg(long, required = true)]
    pub vcard: bool,
    /// The vCard version: 3.0 (Outlook, Google and Apple Contacts) or 4.0.
    #[arg(long, value_enum, value_name = "VERSION", default_value = "3.0")]
    pub vcard_version: VcardVersion,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE", conflicts_with = "split")]
    pub out: Option<PathBuf>,
    /// Write one FILE.vcf per person into DIR (Outlook imports only a file's first card).
    #[arg(long, value_name = "DIR")]
    pub split: Option<PathBuf>,
}

/// Writes the vCards.
pub fn run(args: &Args, export: &ExportArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let dir = super::load(args)?;
    let (lang, version) = (
        args.lang(),
        match export.vcard_version {
            VcardVersion::V3 => vcard::Version::V3,
            VcardVersion::V4 => vcard::Version::V4,
        },
    );
    if let Some(folder) = &export.split {
        std::fs::create_dir_all(folder)
            .map_err(|e| Failure::Usage(crate::i18n::file_failed(folder, crate::i18n::doing::CREATE_FOLDER, &e)))?;
        let names: Vec<String> = dir.people().iter().map(|p| vcard::file_name(&p.full_name())).collect();
        refuse_shared_names(&dir, &names)?;
        for (i, name) in names.iter().enumerate() {
            let card = vcard::card(&dir, i, lang, version);
            super::atomic::write_atomically(&folder.join(name), card.as_bytes())?;
        }
        return Ok(ExitStatus::Success);
    }
    let cards = vcard::people(&dir, lang, version);
    match &export.out {
        None => out.raw(&cards)?,
        Some(path) => super::atomic::write_atomically(path, cards.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

/// Refuses, naming both people, when two would get the same file (Windows and macOS compare file
/// names without case): the second card would replace the first.
fn refuse_shared_names(dir: &crate::directory::Directory, names: &[String]) -> Result<(), Failure> {
    for (i, name) in names.iter().enumerate() {
        let folded = name.to_lowercase();
        if let Some(j) = names[..i].iter().position(|other| other.to_lowercase() == folded) {
            let (first, second) = (dir.people()[j].full_name(), dir.people()[i].full_name());
            return Err(Failure::Usage(crate::i18n::same_card_file(&first, &second, name)));
        }
    }
    Ok(())
}
