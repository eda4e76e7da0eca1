//! Dates as words: an ISO date as a reader reads it, and a day count as an ISO date.

/// "2026-01-11" → "11 January 2026", "2026-04" → "April 2026". Leaves anything unexpected
/// as it is.
pub fn date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        // A month alone ("2026-04", as a dataset may date itself): "April 2026".
        return match iso.split_once('-').map(|(y, m)| (y, m.parse::<usize>())) {
            Some((y, Ok(m @ 1..=12))) if y.len() == 4 => format!("{} {y}", MONTHS[m - 1]),
            _ => iso.into(),
        };
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.into(),
    }
}

/// A day count since 1970-01-01 as YYYY-MM-DD (proleptic Gregorian, UTC).
pub fn iso_date(days_since_epoch: u64) -> String {
    // Howard Hinnant's civil-from-days algorithm.
    let z = days_since_epoch as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("2026-01-11"), "11 January 2026");
        assert_eq!(date("garbage"), "garbage");
        assert_eq!(date("2026-04"), "April 2026");
        assert_eq!(date("2026-13"), "2026-13");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(20_415), "2025-11-23");
        assert_eq!(iso_date(11_016), "2000-02-29");
    }
}
