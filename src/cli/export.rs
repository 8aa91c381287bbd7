//! `partnerdesk export --vcard`: the team's contacts for Outlook or a desk phone.

use std::path::PathBuf;

use clap::{Args as ClapArgs, ValueEnum};

use super::{Args, Failure, Out, vcard};
use crate::exit::ExitStatus;
use crate::i18n::Bilingual;

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
        std::fs::create_dir_all(folder).map_err(|e| {
            Failure::Usage(Bilingual {
                de: format!("{}: Ordner kann nicht angelegt werden: {e}", folder.display()),
                en: format!("{}: cannot create the folder: {e}", folder.display()),
            })
        })?;
        for (i, person) in dir.people().iter().enumerate() {
            let card = vcard::card(&dir, i, lang, version);
            super::atomic::write_atomically(&folder.join(vcard::file_name(&person.full_name())), card.as_bytes())?;
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
