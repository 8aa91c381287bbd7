//! `partnerdesk check`: validate the data and summarise it.

use super::{Args, Failure, Out};
use crate::exit::ExitStatus;

/// Loads and validates the data; prints `ok: 17 cities, 6 people (embedded data)`, and the
/// copies of changes kept beside a data file that were never installed.
pub fn run(args: &Args, out: &mut Out) -> Result<ExitStatus, Failure> {
    let directory = super::load(args)?;
    let lang = args.lang();
    let said = crate::i18n::checked(directory.cities().len(), directory.people().len(), &directory.source().names());
    out.line(said.get(lang))?;
    // Copies of changes that were never installed do not go away by themselves: name them.
    if let crate::directory::Source::File(path) = directory.source() {
        let kept = crate::store::install::kept_copies(path);
        if !kept.is_empty() {
            out.line(crate::i18n::kept_copies_beside(kept.len()).get(lang))?;
            for copy in &kept {
                out.line(&format!("  {}", copy.display()))?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
