//! How fresh a vendor's facts are: the date they were last verified against their source,
//! and whether that is more than six months before today (then the pages mark them as
//! possibly out of date). Dates are ISO text, `YYYY-MM-DD`, or `YYYY-MM` where a source
//! dates itself only by month (the SCIM Tax Index's "2026-04"); a month counts as its
//! first day, so it turns stale no later than a full date in it would.

/// Today's date (UTC, `YYYY-MM-DD`) from the system clock. The one clock read of the
/// core; called on the server only (std has no clock in the browser's wasm).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::domain::format::iso_date(secs / 86_400)
}

/// Months after which facts may be out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;

/// The day `STALE_AFTER_MONTHS` before `today` (`YYYY-MM-DD`), same day of the month,
/// clamped to the month's length.
pub fn stale_before(today: &str) -> String {
    let num = |r: std::ops::Range<usize>| today.get(r).and_then(|s| s.parse::<i64>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return String::new();
    };
    let months = y * 12 + (m - 1) - i64::from(STALE_AFTER_MONTHS);
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let last = match m {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    };
    format!("{y:04}-{m:02}-{:02}", d.min(last))
}

/// Whether facts verified on `verified` are older than six months on `today`. ISO dates
/// compare as text; a month-only date sorts before every day of its month.
pub fn is_stale(verified: &str, today: &str) -> bool {
    let cutoff = stale_before(today);
    !cutoff.is_empty() && verified < cutoff.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_months_back_clamps_to_the_month() {
        assert_eq!(stale_before("2026-11-24"), "2026-05-24");
        assert_eq!(stale_before("2026-03-15"), "2025-09-15");
        assert_eq!(stale_before("2026-08-31"), "2026-02-28");
        assert_eq!(stale_before("2028-08-31"), "2028-02-29");
        assert_eq!(stale_before("garbage"), "");
    }

    #[test]
    fn stale_after_six_months() {
        assert!(is_stale("2026-05-23", "2026-11-24"));
        assert!(!is_stale("2026-05-24", "2026-11-24"));
        assert!(!is_stale("2026-11-23", "2026-11-24"));
        // The index dates itself "2026-04": older than six months by late November.
        assert!(is_stale("2026-04", "2026-11-24"));
        assert!(is_stale("2026-05", "2026-11-24"));
        assert!(!is_stale("2026-06", "2026-11-24"));
        assert!(!is_stale("2026-04", "not a date"));
    }
}
