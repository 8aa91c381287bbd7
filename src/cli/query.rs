//! `partnerdesk query`: search from a script, best match first.

use clap::Args as ClapArgs;

use super::report::{self, Record};
use super::{Args, Failure, Out};
use crate::exit::ExitStatus;
use crate::search::Query;

/// Options of `partnerdesk query`.
#[derive(Debug, ClapArgs)]
pub struct QueryArgs {
    /// Print a JSON array of objects instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Print at most N matches; 0 prints them all.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Who answers on DATE (YYYY-MM-DD or DD.MM.YYYY) instead of today.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// What to look for: a city, country, person, role or extension. Terms must all match.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
}

/// Runs the search; exit status 0 when something matched, 1 when nothing did.
pub fn run(args: &Args, query: &QueryArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let parsed = Query::parse(&query.text.join(" "));
    if parsed.terms.is_empty() && !parsed.dropped.is_empty() {
        let words = parsed.dropped.join(", ");
        return Err(Failure::Usage(crate::i18n::only_filler_words(&words)));
    }
    if parsed.terms.is_empty() {
        // An empty shell variable must not list the whole directory as if it had matched.
        return Err(Failure::Usage(crate::i18n::empty_query()));
    }
    let day = super::day_option("--on", query.on.as_deref())?;
    let crate::cache::Indexed { directory: dir, index, .. } =
        crate::cache::load(&args.source(), crate::clock::current_year(), args.cache())?;
    let hits = index.search(&parsed);
    let limit = if query.limit == 0 { hits.len() } else { query.limit.min(hits.len()) };
    let hits = &hits[..limit];
    if query.json {
        let records: Vec<Record> =
            hits.iter().map(|h| report::record(&dir, index.target(h.entry), h.into(), day)).collect();
        out.line(&super::to_json(&records))?;
    } else {
        let lang = args.lang();
        for hit in hits {
            out.line(&report::line(&dir, index.target(hit.entry), hit.into(), lang, day))?;
        }
    }
    if hits.is_empty() {
        // A person at a terminal learns that nothing matched; a script keeps its empty output and
        // reads the exit status.
        if crate::stderr::is_terminal() {
            let said = crate::i18n::nothing_found(&query.text.join(" "));
            crate::stderr::say(&said, args.lang());
        }
        return Ok(ExitStatus::NoMatch);
    }
    Ok(ExitStatus::Success)
}
