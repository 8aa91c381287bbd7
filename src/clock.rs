//! The system clock, kept apart so that everything else takes the time as an input: today's date
//! and year and the local date and time, all in local time (the day turns at local midnight).
//! Every date or time the program shows or stores (the view's clock, a note's time and id, the
//! change log, history copies, the journal's retention) is read here.
//!
//! Waiting is another matter: timeouts and the event loop's ticks measure how long they wait with
//! [`std::time::Instant`], a monotonic clock that tells no date, where they wait (the event loop,
//! the signal watcher, the hand-over to other programs, the lock).
//!
//! `PARTNERDESK_TODAY=YYYY-MM-DD` fixes today's date (and year) for the whole program: the tests
//! of the real binary use it, so that an answer about absences does not depend on the day the
//! tests run. The desk itself asks about another day with `--on DATE`.

use std::time::SystemTime;

use chrono::{DateTime, Datelike, Local, NaiveDate};

use crate::i18n::Lang;

/// The environment variable that fixes today's date.
pub const TODAY_VARIABLE: &str = "PARTNERDESK_TODAY";

/// Today, by the local clock, or as `PARTNERDESK_TODAY` fixes it.
pub fn today() -> NaiveDate {
    fixed_today(std::env::var(TODAY_VARIABLE).ok().as_deref()).unwrap_or_else(|| Local::now().date_naive())
}

/// The date `PARTNERDESK_TODAY` holds, if it holds one partnerdesk accepts.
fn fixed_today(variable: Option<&str>) -> Option<NaiveDate> {
    crate::directory::date::parse(variable?).ok()
}

/// The current year, by the local clock (or `PARTNERDESK_TODAY`).
pub fn current_year() -> i32 {
    today().year()
}

/// The local date and time as the desk writes it: `29.11.2026 13:09` in German,
/// `2026-11-29 13:09` in English.
pub fn local_date_time(lang: Lang) -> String {
    format_local(Local::now(), lang)
}

/// A moment in local time, as [`local_date_time`] writes it.
pub fn date_time_of(moment: SystemTime, lang: Lang) -> String {
    format_local(DateTime::<Local>::from(moment), lang)
}

/// Now, in local time: for the change log's and the copies' time stamps, when a phone message
/// was written, and which of the journal's notes are today's or past their retention.
pub fn now() -> DateTime<Local> {
    Local::now()
}

fn format_local(moment: DateTime<Local>, lang: Lang) -> String {
    moment.format(lang.text().date_time_format).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_follows_the_language() {
        let moment = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap().and_hms_opt(13, 9, 0).unwrap();
        let local = moment.and_local_timezone(Local).single().unwrap();
        assert_eq!(format_local(local, Lang::De), "29.11.2026 13:09");
        assert_eq!(format_local(local, Lang::En), "2026-11-29 13:09");
    }

    #[test]
    fn no_other_module_reads_the_date_or_time() {
        let mut readers = Vec::new();
        for (name, text) in crate::stderr::tests::src() {
            // Files of tests only (`tests.rs`, `view_tests.rs`, …) and the inline `tests` modules
            // build their dates as they like.
            if name == "src/clock.rs" || name.contains("tests") {
                continue;
            }
            let text = text.replace("\r\n", "\n");
            let program = text.split("\n#[cfg(test)]\nmod tests {").next().unwrap_or_default();
            for (n, line) in program.lines().enumerate() {
                if ["Local::now", "Utc::now", "SystemTime::now"].iter().any(|now| line.contains(now)) {
                    readers.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(readers.is_empty(), "read the date or time through `clock`:\n{}", readers.join("\n"));
    }

    #[test]
    fn today_can_be_fixed_for_tests_of_the_binary() {
        assert_eq!(fixed_today(Some("2026-12-01")), NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(fixed_today(Some("01.12.2026")), NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(fixed_today(Some("tomorrow")), None, "not a date: the clock's");
        assert_eq!(fixed_today(None), None);
    }
}
