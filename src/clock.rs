//! The system clock, kept apart so that everything else takes the time as an input: today's year,
//! and the local date and time for a phone message.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current year (UTC) by the system clock.
pub fn current_year() -> i32 {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    year_of_day((secs / 86_400) as i64)
}

/// The local date and time, as a phone message gives it: `26.11.2026 14:05`.
pub fn local_date_time() -> String {
    chrono::Local::now().format("%d.%m.%Y %H:%M").to_string()
}

/// The civil year of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn year_of_day(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::year_of_day;

    #[test]
    fn years_at_their_edges() {
        assert_eq!(year_of_day(0), 1970);
        assert_eq!(year_of_day(364), 1970);
        assert_eq!(year_of_day(365), 1971);
        assert_eq!(year_of_day(20_453), 2025); // 2025-12-31
        assert_eq!(year_of_day(20_454), 2026); // 2026-01-01
        assert_eq!(year_of_day(11_016), 2000); // 2000-02-29
    }
}
