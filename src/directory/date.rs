//! Calendar dates as the desk writes them: `2026-12-04` or `04.12.2026`, years 2000 to 9999.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// The first year a date may have: absences are about now, not history.
pub const FIRST_YEAR: i32 = 2000;
/// The last year a date may have: four digits.
pub const LAST_YEAR: i32 = 9999;

/// Why a text is not a date partnerdesk accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Neither `YYYY-MM-DD` nor `DD.MM.YYYY`.
    Form,
    /// In the form, but no such day (`2026-02-30`).
    NoSuchDay,
    /// A real day, but before 2000 or after 9999.
    OutOfRange,
}

/// `YYYY-MM-DD` or `DD.MM.YYYY` (one-digit day and month allowed in the German form), a real
/// day between 2000-01-01 and 9999-12-31.
pub fn parse(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim();
    let numbers = |parts: Vec<&str>, widths: [std::ops::RangeInclusive<usize>; 3]| -> Option<[u32; 3]> {
        let ok = parts.len() == 3
            && parts.iter().zip(&widths).all(|(p, w)| w.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        ok.then(|| [0, 1, 2].map(|i| parts[i].parse().unwrap_or(0)))
    };
    let [year, month, day] = if let Some([y, m, d]) = numbers(text.split('-').collect(), [4..=4, 2..=2, 2..=2]) {
        [y, m, d]
    } else if let Some([d, m, y]) = numbers(text.split('.').collect(), [1..=2, 1..=2, 4..=4]) {
        [y, m, d]
    } else {
        return Err(DateProblem::Form);
    };
    let year = i32::try_from(year).map_err(|_| DateProblem::Form)?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NoSuchDay)?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(DateProblem::OutOfRange);
    }
    Ok(date)
}

/// The form the data file keeps: `2026-12-04`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date as the desk reads it: `04.12.2026` in German, `2026-12-04` in English.
pub fn long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::De => date.format("%d.%m.%Y").to_string(),
        Lang::En => iso(date),
    }
}

/// A date in a running text, short within `today`'s year: `04.12.` / `4 Dec`, else with the
/// year: `04.12.2027` / `4 Dec 2027`.
pub fn short(date: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let same_year = date.year() == today.year();
    let form = match (lang, same_year) {
        (Lang::De, true) => "%d.%m.",
        (Lang::De, false) => "%d.%m.%Y",
        (Lang::En, true) => "%-d %b",
        (Lang::En, false) => "%-d %b %Y",
    };
    date.format(form).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn both_forms_and_only_real_days_from_2000_to_9999() {
        assert_eq!(parse("2026-12-04"), Ok(day(2026, 12, 4)));
        assert_eq!(parse("04.12.2026"), Ok(day(2026, 12, 4)));
        assert_eq!(parse("4.12.2026"), Ok(day(2026, 12, 4)));
        assert_eq!(parse(" 2026-12-04 "), Ok(day(2026, 12, 4)));
        assert_eq!(parse("2026-02-30"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse("31.04.2026"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse("1999-12-31"), Err(DateProblem::OutOfRange));
        assert_eq!(parse("2026-12-4"), Err(DateProblem::Form));
        assert_eq!(parse("12/04/2026"), Err(DateProblem::Form));
        assert_eq!(parse("+2026-12-04"), Err(DateProblem::Form));
        assert_eq!(parse("10000-01-01"), Err(DateProblem::Form));
        assert_eq!(parse(""), Err(DateProblem::Form));
        assert_eq!(parse("2026-12-04-"), Err(DateProblem::Form));
    }

    #[test]
    fn dates_are_written_as_the_desk_reads_them() {
        let today = day(2026, 12, 1);
        assert_eq!(short(day(2026, 12, 4), today, Lang::De), "04.12.");
        assert_eq!(short(day(2026, 12, 4), today, Lang::En), "4 Dec");
        assert_eq!(short(day(2027, 1, 8), today, Lang::De), "08.01.2027");
        assert_eq!(long(day(2027, 1, 8), Lang::De), "08.01.2027");
        assert_eq!(long(day(2027, 1, 8), Lang::En), "2027-01-08");
    }
}
