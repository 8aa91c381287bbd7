//! `partnerdesk anniversaries`: the partnerships' round anniversaries (every 5 years) ahead.

use std::io::IsTerminal;

use clap::Args as ClapArgs;
use serde::Serialize;

use super::report::{self, ContactRecord, CountryRecord};
use super::{Args, Failure, Out};
use crate::actions::{self, Anniversary};
use crate::directory::Directory;
use crate::exit::ExitStatus;
use crate::i18n::Lang;

/// Options of `partnerdesk anniversaries`.
#[derive(Debug, ClapArgs)]
pub struct AnniversaryArgs {
    /// The first year to look at, 1945 to 9999. Default: this year.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1945..=9999))]
    pub from: Option<i32>,
    /// How many years to look at, 1 to 100.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(i32).range(1..=100))]
    pub years: i32,
    /// Print a JSON array of objects instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// One anniversary as JSON.
#[derive(Debug, Serialize)]
struct Record<'a> {
    year: i32,
    years: i32,
    city: &'a str,
    country: CountryRecord<'a>,
    since: i32,
    contact: ContactRecord<'a>,
}

fn record<'a>(dir: &'a Directory, a: &Anniversary) -> Record<'a> {
    let city = &dir.cities()[a.city];
    Record {
        year: a.year,
        years: a.years,
        city: &city.name,
        country: (&city.country).into(),
        since: city.since,
        contact: ContactRecord::of(dir.contact_of(a.city)),
    }
}

/// One line: the year, the years, and the city's line with its contact:
/// `2028 70 Jahre: Alkmaar (Niederlande, seit 1958): …`.
fn line(dir: &Directory, a: &Anniversary, lang: Lang) -> String {
    let reach = report::person_reach(dir.contact_of(a.city));
    let when = crate::i18n::anniversary_in_a_line(a.year, a.years);
    format!("{}: {}", when.get(lang), report::city_line(&dir.cities()[a.city], &reach, lang))
}

/// Lists the round anniversaries in `[from, from + years)`.
pub fn run(args: &Args, options: &AnniversaryArgs, out: &mut Out) -> Result<ExitStatus, Failure> {
    let dir = super::load(args)?;
    let from = options.from.unwrap_or_else(crate::clock::current_year);
    // Years are four digits everywhere in the data: the window ends with 9999 at the latest.
    let years = options.years.min(10_000 - from).max(1);
    let found = actions::anniversaries(&dir, from, years);
    if options.json {
        let records: Vec<Record> = found.iter().map(|a| record(&dir, a)).collect();
        out.line(&super::to_json(&records))?;
    } else {
        for a in &found {
            out.line(&line(&dir, a, args.lang()))?;
        }
        if found.is_empty() && std::io::stdout().is_terminal() {
            let last = from + years - 1;
            let said = crate::i18n::no_anniversaries(from, last);
            crate::stderr::say(&said, args.lang());
        }
    }
    Ok(ExitStatus::Success)
}
