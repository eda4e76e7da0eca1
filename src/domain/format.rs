//! Turning numbers and prices into the words a buyer reads. Pure functions: the same text
//! on the server and in the browser.

use crate::domain::cost::Span;
use crate::domain::vendor::{Basis, Figure, Period, Price};

/// Thousands separators; cents only where the amount has them ("$60.28", "$11,754").
pub fn usd(x: f64) -> String {
    if !x.is_finite() {
        return "unknown".into();
    }
    let negative = x < 0.0;
    let abs = x.abs();
    let cents = (abs * 100.0).round() as u64;
    let whole = cents / 100;
    let frac = cents % 100;
    let mut digits = group_thousands(whole);
    if frac != 0 && whole < 100_000 {
        digits = format!("{digits}.{frac:02}");
    } else if frac >= 50 {
        digits = group_thousands(whole + 1);
    }
    if negative && cents != 0 {
        format!("−${digits}")
    } else {
        format!("${digits}")
    }
}

/// Whole dollars, rounded half away from zero ("$3,925").
pub fn usd_whole(x: f64) -> String {
    usd(x.round())
}

/// Formats a number the way a person would type it back: no trailing zeros.
pub fn plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "$6,000–$50,000", "$60,000+", "~$4,500", "up to $38,240", "unknown".
pub fn span(s: &Span) -> String {
    let tilde = if s.approx { "~" } else { "" };
    let (lo_open, hi_open) = (s.low.is_infinite(), s.high.is_infinite());
    match (lo_open, hi_open) {
        (true, true) => "unknown (open-ended)".into(),
        (false, true) => format!("{tilde}{}+", usd_whole(s.low)),
        (true, false) => format!("up to {tilde}{}", usd_whole(s.high)),
        _ if s.is_point() => format!("{tilde}{}", usd_whole(s.low)),
        _ => format!("{tilde}{}–{}", usd_whole(s.low), usd_whole(s.high)),
    }
}

/// A signed change: "+$23,240", "−$5,760", "−$5,760 to +$38,240".
pub fn signed_span(s: &Span) -> String {
    let signed = |x: f64| {
        if x > 0.0 {
            format!("+{}", usd_whole(x))
        } else {
            usd_whole(x)
        }
    };
    let tilde = if s.approx { "~" } else { "" };
    match (s.low.is_infinite(), s.high.is_infinite()) {
        (true, true) => "cannot be worked out (open-ended prices)".into(),
        (false, true) => format!("{tilde}{} or more", signed(s.low)),
        (true, false) => format!("{tilde}{} or less", signed(s.high)),
        _ if s.is_point() => format!("{tilde}{}", signed(s.low)),
        _ => format!("{tilde}{} to {}", signed(s.low), signed(s.high)),
    }
}

pub fn per(basis: Basis, period: Period) -> &'static str {
    match (basis, period) {
        (Basis::PerUser, Period::Month) => "per user per month",
        (Basis::PerUser, Period::Year) => "per user per year",
        (Basis::Flat, Period::Month) => "per month",
        (Basis::Flat, Period::Year) => "per year",
    }
}

/// "$49 per user per month", "~$90+ per user per year".
pub fn figure(f: &Figure) -> String {
    format!("{} {}", unit_span(f), per(f.basis, f.period))
}

/// The figure's amount without basis: small unit prices keep their cents.
fn unit_span(f: &Figure) -> String {
    let tilde = if f.approx { "~" } else { "" };
    let plus = if f.or_more { "+" } else { "" };
    // Read the stated numbers, not the span: "$3–$5+" keeps its printed top.
    match (f.amount, f.low, f.high) {
        (Some(a), _, _) => format!("{tilde}{}{plus}", usd(a)),
        (None, Some(lo), Some(hi)) => format!("{tilde}{}–{}{plus}", usd(lo), usd(hi)),
        _ => "unknown".into(),
    }
}

/// A plan's price as the source states it, never more precise.
pub fn price(p: &Price) -> String {
    match p {
        Price::Free { max_users: Some(n) } => format!("Free (up to {n} users)"),
        Price::Free { max_users: None } => "Free".into(),
        Price::Stated { figure: f } => figure(f),
        Price::Custom { estimate: None, .. } => "Custom (contact sales)".into(),
        Price::Custom {
            estimate: Some(f), ..
        } => format!("Custom (contact sales); reported: {}", figure(f)),
        Price::Unknown => "Not stated".into(),
    }
}

/// Who says so, for a custom price's estimate.
pub fn price_basis(p: &Price) -> Option<&str> {
    match p {
        Price::Custom {
            estimate_basis: Some(b),
            ..
        } => Some(b.as_str()),
        _ => None,
    }
}

/// "2026-01-11" → "11 January 2026". Leaves anything unexpected as it is.
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
        return iso.into();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.into(),
    }
}

/// A ratio as "12×" or "1.4×".
pub fn times(r: f64) -> String {
    if (r - r.round()).abs() < 0.05 {
        format!("{}×", r.round())
    } else {
        format!("{r:.1}×")
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

/// Text for the `<title>` element. leptos_meta writes title text without escaping it, and
/// a data string with `</title>` would end the element early: angle brackets become the
/// look-alike guillemets.
pub fn title_safe(s: &str) -> String {
    s.replace('<', "\u{2039}").replace('>', "\u{203A}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars() {
        assert_eq!(usd(11754.0), "$11,754");
        assert_eq!(usd(60.277), "$60.28");
        assert_eq!(usd(-5760.0), "−$5,760");
        assert_eq!(usd(0.0), "$0");
        assert_eq!(usd(1_000_000.0), "$1,000,000");
        assert_eq!(usd(123_456.5), "$123,457");
        assert_eq!(usd_whole(3924.96), "$3,925");
    }

    #[test]
    fn spans() {
        assert_eq!(span(&Span::range(6000.0, 50000.0)), "$6,000–$50,000");
        assert_eq!(span(&Span::at_least(60000.0)), "$60,000+");
        assert_eq!(span(&Span::point(4500.0).approx(true)), "~$4,500");
        assert_eq!(signed_span(&Span::point(-5760.0)), "−$5,760");
        assert_eq!(signed_span(&Span::point(23240.0)), "+$23,240");
    }

    #[test]
    fn prices() {
        let f = Figure {
            basis: Basis::PerUser,
            period: Period::Month,
            amount: Some(49.0),
            low: None,
            high: None,
            or_more: false,
            approx: false,
        };
        assert_eq!(
            price(&Price::Stated { figure: f.clone() }),
            "$49 per user per month"
        );
        let f = Figure {
            amount: None,
            low: Some(3.0),
            high: Some(5.0),
            or_more: true,
            ..f
        };
        assert_eq!(figure(&f), "$3–$5+ per user per month");
        assert_eq!(
            price(&Price::Free { max_users: Some(5) }),
            "Free (up to 5 users)"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(date("2026-01-11"), "11 January 2026");
        assert_eq!(date("garbage"), "garbage");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(20_415), "2025-11-23");
        assert_eq!(iso_date(11_016), "2000-02-29");
    }

    #[test]
    fn plain_numbers_drop_trailing_zeros() {
        assert_eq!(plain(500.0), "500");
        assert_eq!(plain(60.28), "60.28");
        assert_eq!(plain(2.4), "2.4");
    }
}
