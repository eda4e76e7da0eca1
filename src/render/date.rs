//! Dates as the server writes them (server only), with the calendar of `jiff`: today from
//! the clock, an ISO date in words, and the day facts turn stale. Pages are rendered on the
//! server and no island shows a date, so the browser gets every date already written and
//! its bundle carries no calendar (`ui::dates` is the pages' door to this module).

use crate::domain::freshness::STALE_AFTER_MONTHS;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// `YYYY-MM-DD` as a date. jiff also reads one-digit months and days; ours never have them.
fn iso(s: &str) -> Option<Date> {
    let shaped = s.len() == 10
        && s.bytes()
            .enumerate()
            .all(|(i, b)| matches!(i, 4 | 7) == (b == b'-') && (b == b'-' || b.is_ascii_digit()));
    shaped.then(|| Date::strptime("%Y-%m-%d", s).ok()).flatten()
}

/// Today's date (UTC, `YYYY-MM-DD`) from the system clock.
pub fn today() -> String {
    TimeZone::UTC
        .to_datetime(Timestamp::now())
        .date()
        .to_string()
}

/// "2026-01-11" → "11 January 2026", "2026-04" → "April 2026" (a dataset may date itself
/// by month). Leaves anything else as it is.
pub fn words(s: &str) -> String {
    if let Some(d) = iso(s) {
        return d.strftime("%-d %B %Y").to_string();
    }
    match iso(&format!("{s}-01")) {
        Some(d) if s.len() == 7 => d.strftime("%B %Y").to_string(),
        _ => s.to_string(),
    }
}

/// The day [`STALE_AFTER_MONTHS`] before `today` (`YYYY-MM-DD`), same day of the month,
/// clamped to the month's length (jiff's rule for adding months); empty for no date.
pub fn stale_before(today: &str) -> String {
    iso(today)
        .and_then(|d| d.checked_sub(i64::from(STALE_AFTER_MONTHS).months()).ok())
        .map_or_else(String::new, |d| d.to_string())
}

/// The first day whose facts are fresh today: what `domain::freshness::is_stale` compares.
pub fn stale_before_today() -> String {
    stale_before(&today())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        assert_eq!(words("2026-01-11"), "11 January 2026");
        assert_eq!(words("2024-02-29"), "29 February 2024");
        assert_eq!(words("garbage"), "garbage");
        assert_eq!(words("2026-04"), "April 2026");
        assert_eq!(words("2026-13"), "2026-13");
        assert_eq!(words("2026-1-11"), "2026-1-11");
    }

    #[test]
    fn today_is_an_iso_date() {
        let t = today();
        assert!(iso(&t).is_some(), "{t}");
    }

    #[test]
    fn six_months_back_clamps_to_the_month() {
        assert_eq!(stale_before("2026-11-24"), "2026-05-24");
        assert_eq!(stale_before("2026-03-15"), "2025-09-15");
        assert_eq!(stale_before("2026-08-31"), "2026-02-28");
        assert_eq!(stale_before("2028-08-31"), "2028-02-29");
        assert_eq!(stale_before("garbage"), "");
    }
}
