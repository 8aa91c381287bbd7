//! The system clock, kept apart so that everything else takes the time as an input: today's year
//! and the local date and time, both in local time (the year turns at local midnight).

use std::time::SystemTime;

use chrono::{DateTime, Datelike, Local};

use crate::i18n::Lang;

/// The current year, by the local clock.
pub fn current_year() -> i32 {
    Local::now().year()
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

/// Now, in local time: for the change log's and the copies' time stamps.
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
    fn the_year_is_the_local_one() {
        assert_eq!(current_year(), Local::now().year());
    }
}
