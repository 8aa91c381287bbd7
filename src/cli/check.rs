//! `partnerdesk check`: validate the data and summarise it.

use super::{Args, Failure, Out};
use crate::exit::ExitStatus;

/// Loads and validates the data; prints `ok: 17 cities, 6 people (embedded data)`.
pub fn run(args: &Args, out: &mut Out) -> Result<ExitStatus, Failure> {
    let directory = super::load(args)?;
    let lang = args.lang();
    let (cities, people) = lang.text().counted;
    out.line(&format!(
        "ok: {} {cities}, {} {people} ({})",
        directory.cities().len(),
        directory.people().len(),
        directory.source().in_lang(lang)
    ))?;
    Ok(ExitStatus::Success)
}
