//! `partnerdesk check`: validate the data and summarise it.

use super::{Args, Failure, Out};
use crate::exit::ExitStatus;

/// Loads and validates the data; prints `ok: 17 cities, 6 people (embedded data)`.
pub fn run(args: &Args, out: &mut Out) -> Result<ExitStatus, Failure> {
    let directory = super::load(args)?;
    let lang = args.lang();
    let said = crate::i18n::checked(directory.cities().len(), directory.people().len(), &directory.source().names());
    out.line(said.get(lang))?;
    Ok(ExitStatus::Success)
}
