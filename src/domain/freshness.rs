//! How fresh a vendor's facts are: the date they were last verified against their source,
//! and whether that is more than six months before today (then the pages mark them as
//! possibly out of date). Dates are ISO text, `YYYY-MM-DD`, or `YYYY-MM` where a source
//! dates itself only by month (the SCIM Tax Index's "2026-04"); a month counts as its
//! first day, so it turns stale no later than a full date in it would.
//!
//! The calendar is the server's (`render::date`): it works out the day six months back,
//! and this core only compares dates as text, so it needs no calendar of its own.

/// Months after which facts may be out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;

/// Whether facts verified on `verified` are older than `stale_before`, the day
/// [`STALE_AFTER_MONTHS`] before today (`render::date::stale_before`; empty when unknown).
/// ISO dates compare as text; a month-only date sorts before every day of its month.
pub fn is_stale(verified: &str, stale_before: &str) -> bool {
    !stale_before.is_empty() && verified < stale_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_after_six_months() {
        // On 2026-11-24, facts from before 2026-05-24 are stale.
        let cutoff = "2026-05-24";
        assert!(is_stale("2026-05-23", cutoff));
        assert!(!is_stale("2026-05-24", cutoff));
        assert!(!is_stale("2026-11-23", cutoff));
        // The index dates itself "2026-04": older than six months by late November.
        assert!(is_stale("2026-04", cutoff));
        assert!(is_stale("2026-05", cutoff));
        assert!(!is_stale("2026-06", cutoff));
        assert!(!is_stale("2026-04", ""));
    }
}
