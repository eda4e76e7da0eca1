//! Turning numbers and prices into the words a buyer reads. Pure functions: the same text
//! on the server and in the browser.

use crate::domain::cost::jump::PriceJump;
use crate::domain::cost::Span;
use crate::domain::vendor::{Basis, Figure, Period, Price, Scope};

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

/// Formats a number the way a person would type it back: no trailing zeros, at most four
/// decimals.
pub fn plain(x: f64) -> String {
    let s = fixed(x, 4);
    match s.split_once('.') {
        Some((whole, frac)) if frac.trim_end_matches('0').is_empty() => whole.to_string(),
        Some(_) => s.trim_end_matches('0').to_string(),
        None => s,
    }
}

/// `x` with exactly `places` decimals (at most 6), a tie as written rounded away from zero
/// ("1.45" → "1.5"): `format!("{x:.places$}")` but for ties. Integer arithmetic only: Rust's float
/// formatting would add about 20 KB of code and tables to the browser's wasm.
pub fn fixed(x: f64, places: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.into();
    }
    let places = places.min(6);
    let scale = 10u64.pow(places);
    // `as` saturates: numbers past 1.8e19 / 10^places (far past any we show) stop there.
    let n = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && n != 0 { "-" } else { "" };
    let (whole, frac) = (n / scale, n % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

/// Reads a decimal number as people type it ("60", "60.28", "-3", ".5", "1e3"): the
/// inverse of `plain`. Exact where the digits and exponent fit a double's exact range (all
/// our inputs); without the standard parser, whose tables would add to the browser's wasm.
pub fn read_decimal(s: &str) -> Option<f64> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits = whole.bytes().chain(frac.bytes());
    if whole.is_empty() && frac.is_empty() || !digits.clone().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Keep 18 significant digits (more cannot change a double much); a digit dropped
    // still counts for the scale. Saturating: an exponent near i32's ends must not overflow.
    let (mut mantissa, mut scale) = (0u64, exponent.saturating_sub(frac.len() as i32));
    let mut kept = 0;
    for b in digits {
        if kept < 18 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            kept += u32::from(mantissa > 0);
        } else {
            scale = scale.saturating_add(1);
        }
    }
    // Past 10^±400 a double is infinite or zero whatever the digits.
    let scale = scale.clamp(-400, 400);
    let value = if scale >= 0 {
        mantissa as f64 * 10f64.powi(scale)
    } else {
        mantissa as f64 / 10f64.powi(-scale)
    };
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
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

/// A count and its noun, plural unless there is one: "1 app", "2 apps", "1,250 people".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", group_thousands(n as u64))
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

/// An amount for a sentence: "$6,000 to $50,000", "$60,000 or more", "about $4,500".
pub fn amount(s: &Span) -> String {
    let about = if s.approx { "about " } else { "" };
    match (s.low.is_infinite(), s.high.is_infinite()) {
        (true, true) => "an amount that cannot be worked out".into(),
        (false, true) => format!("{about}{} or more", usd_whole(s.low)),
        (true, false) => format!("up to {about}{}", usd_whole(s.high)),
        _ if s.is_point() || usd_whole(s.low) == usd_whole(s.high) => {
            format!("{about}{}", usd_whole(s.low))
        }
        _ => format!("{about}{} to {}", usd_whole(s.low), usd_whole(s.high)),
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
        Price::Quote { estimate: None, .. } => "Custom (contact sales)".into(),
        Price::Quote {
            estimate: Some(f), ..
        } => format!("Custom (contact sales); reported: {}", figure(f)),
        Price::Seats {
            fee,
            included,
            extra,
            max_extra,
        } => seats(fee, *included, extra.as_ref(), *max_extra),
        Price::Unknown => "Not stated".into(),
        Price::Text { text } => format!("price not machine-readable: {text}"),
    }
}

/// A figure taken over a year: "$6,210 a year". Both parts of a [`Price::Seats`] are put
/// this way, so that the fee and the price of a further user read on one scale.
fn a_year(f: &Figure) -> String {
    let k = f.period.per_year();
    let yearly = Figure {
        period: Period::Year,
        amount: f.amount.map(|a| a * k),
        low: f.low.map(|a| a * k),
        high: f.high.map(|a| a * k),
        ..f.clone()
    };
    format!("{} a year", unit_span(&yearly))
}

/// "$6,210 a year for up to 10 people, then $130 a year per extra person".
fn seats(fee: &Figure, included: u32, extra: Option<&Figure>, max_extra: Option<u32>) -> String {
    let fee = a_year(fee);
    let cap = max_extra
        .map(|m| format!(", for up to {m} more"))
        .unwrap_or_default();
    match (included, extra) {
        (0, Some(x)) => format!("{fee}, plus {} per person{cap}", a_year(x)),
        (0, None) => fee,
        (n, extra) => {
            let people = if n == 1 {
                "for 1 person".to_string()
            } else {
                format!("for up to {n} people")
            };
            match extra {
                Some(x) => format!("{fee} {people}, then {} per extra person{cap}", a_year(x)),
                None => format!("{fee} {people}; the price for more is not stated"),
            }
        }
    }
}

/// The team sizes a price is reported for: "50 to 100 seats", "50 seats or more",
/// "up to 100 seats".
pub fn scope(s: &Scope) -> String {
    let seats = |n: u32| count(n as usize, "seat", "seats");
    match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => seats(lo),
        (Some(lo), Some(hi)) => format!("{} to {}", group_thousands(lo as u64), seats(hi)),
        (Some(lo), None) => format!("{} or more", seats(lo)),
        (None, Some(hi)) => format!("up to {}", seats(hi)),
        (None, None) => "any number of seats".into(),
    }
}

/// Who says so, for the estimate of a price sold by quote.
pub fn price_basis(p: &Price) -> Option<&str> {
    match p {
        Price::Quote {
            estimate_basis: Some(b),
            ..
        } => Some(b.as_str()),
        _ => None,
    }
}

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

/// A phrase as the start of a sentence. Our sentences start with an ASCII letter; ASCII
/// case keeps Unicode's case tables out of the browser's wasm.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// A ratio as "12×" or "1.4×".
pub fn times(r: f64) -> String {
    if (r - r.round()).abs() < 0.05 {
        format!("{}×", plain(r.round()))
    } else {
        format!("{}×", fixed(r, 1))
    }
}

/// A change in what the reader pays (positive: pays more), as words with no signs to
/// decode: "$23,240 more", "$5,760 less", "$5,760 less to $38,240 more", "about $4,500
/// more", "$6,000 or more extra".
pub fn change(s: &Span) -> String {
    let about = if s.approx { "about " } else { "" };
    let (lo, hi) = (s.low, s.high);
    if lo.is_infinite() && hi.is_infinite() || lo.is_nan() || hi.is_nan() {
        return "cannot be worked out (both prices are open-ended)".into();
    }
    let money = |x: f64| usd_whole(x.abs());
    if lo >= 0.0 {
        return match () {
            _ if hi.is_infinite() => format!("{about}{} or more extra", money(lo)),
            _ if s.is_point() || money(lo) == money(hi) => format!("{about}{} more", money(lo)),
            _ => format!("{about}{} to {} more", money(lo), money(hi)),
        };
    }
    if hi <= 0.0 {
        return match () {
            _ if lo.is_infinite() => format!("{about}{} or more less", money(hi)),
            _ if s.is_point() || money(lo) == money(hi) => format!("{about}{} less", money(lo)),
            _ => format!("{about}{} to {} less", money(hi), money(lo)),
        };
    }
    match (lo.is_infinite(), hi.is_infinite()) {
        (false, false) => format!("{about}{} less to {} more", money(lo), money(hi)),
        (false, true) => format!("{about}{} less to any amount more", money(lo)),
        _ => format!("any amount less to {about}{} more", money(hi)),
    }
}

/// A change in yearly spend as what it does to the reader, for a sentence whose subject
/// is the move ("Upgrading …", "Ironclad …"): "costs $23,240 more", "saves $5,760",
/// "saves up to $5,760 or costs up to $38,240 more", "costs at least $6,000 more". Unlike
/// [`change`], no bare "less": a reader of a comparison never has to work out whose
/// "less" it is.
pub fn costs_or_saves(s: &Span) -> String {
    let about = if s.approx { "about " } else { "" };
    let (lo, hi) = (s.low, s.high);
    if lo.is_infinite() && hi.is_infinite() || lo.is_nan() || hi.is_nan() {
        return "cannot be worked out (both prices are open-ended)".into();
    }
    let money = |x: f64| usd_whole(x.abs());
    // Cents either side of zero read as nothing.
    let nothing = |x: f64| money(x) == "$0";
    // "at least about" reads badly; an approximate bound is marked as `span` marks it.
    let tilde = if s.approx { "~" } else { "" };
    if lo >= 0.0 || nothing(lo) {
        return match () {
            _ if hi.is_infinite() && nothing(lo) => "costs the same or more".into(),
            _ if hi.is_infinite() => format!("costs at least {tilde}{} more", money(lo)),
            _ if nothing(hi) => "costs the same".into(),
            _ if money(lo) == money(hi) => format!("costs {about}{} more", money(lo)),
            _ if nothing(lo) => format!("costs up to {about}{} more", money(hi)),
            _ => format!("costs {about}{} to {} more", money(lo), money(hi)),
        };
    }
    if hi <= 0.0 || nothing(hi) {
        return match () {
            _ if lo.is_infinite() && nothing(hi) => "may save any amount".into(),
            _ if lo.is_infinite() => format!("saves at least {tilde}{}", money(hi)),
            _ if money(lo) == money(hi) => format!("saves {about}{}", money(lo)),
            _ if nothing(hi) => format!("saves up to {about}{}", money(lo)),
            _ => format!("saves {about}{} to {}", money(hi), money(lo)),
        };
    }
    match (lo.is_infinite(), hi.is_infinite()) {
        (false, false) => format!(
            "saves up to {about}{} or costs up to {} more",
            money(lo),
            money(hi)
        ),
        (false, true) => format!("saves up to {about}{} or costs any amount more", money(lo)),
        _ => format!("saves any amount or costs up to {about}{} more", money(hi)),
    }
}

/// A ratio of two prices in words: "2.5×", "1.5× to 3×", "2× or more", "2% to 17% of
/// what you pay now", or "cannot be worked out" when the bounds say nothing (an
/// open-ended price on both sides gives 0 to infinity).
pub fn multiple(m: &Span) -> String {
    let (lo, hi) = (m.low, m.high);
    if lo.is_nan() || hi.is_nan() || (lo <= 0.0 && hi.is_infinite()) {
        return "cannot be worked out (both prices are open-ended)".into();
    }
    let pct = |x: f64| format!("{}%", plain((x * 100.0).round()));
    if hi < 1.0 {
        return if (hi - lo).abs() < 0.005 {
            format!("{} of what you pay now", pct(lo))
        } else {
            format!("{} to {} of what you pay now", pct(lo), pct(hi))
        };
    }
    if lo <= 0.0 {
        return format!("at most {} what you pay now", times(hi));
    }
    match () {
        _ if hi.is_infinite() => format!("{} or more", times(lo)),
        _ if (hi - lo).abs() < 0.05 => times(lo),
        _ if lo < 1.0 => format!("{} of what you pay now to {}", pct(lo), times(hi)),
        _ => format!("{} to {}", times(lo), times(hi)),
    }
}

/// The SCIM plan's price jump in words: "2.5×, $15 more per user a month", "quote".
pub fn price_jump(j: &PriceJump) -> String {
    match j {
        PriceJump::Known {
            multiple,
            per_user_month,
            ..
        } => {
            let dollars = format!("{} per user a month", jump_dollars(per_user_month));
            match multiple {
                Some(m) => format!("{}, {dollars}", self::multiple(m)),
                None => dollars,
            }
        }
        PriceJump::Included => "no cheaper plan listed".into(),
        PriceJump::Quote => "quote".into(),
        PriceJump::Unknown => "unknown".into(),
    }
}

/// A jump's dollars a user a month: "$15 more", "$30 or more extra"; a SCIM plan that
/// costs less than the plan below says what it saves ("saves $5"), never a bare "less".
fn jump_dollars(s: &Span) -> String {
    if s.low >= 0.0 {
        change(s)
    } else {
        costs_or_saves(s)
    }
}

/// The price jump in a few words, for a phone's one-line card: the multiple where there
/// is one, else the dollars.
pub fn price_jump_short(j: &PriceJump) -> String {
    match j {
        PriceJump::Known {
            multiple: Some(m), ..
        } => format!("{} the price", multiple(m)),
        PriceJump::Known { per_user_month, .. } => {
            format!("{} a user a month", jump_dollars(per_user_month))
        }
        other => price_jump(other),
    }
}

/// Reader input echoed back in a message: at most `max` characters, with control and
/// invisible formatting characters (bidi overrides, zero-width spaces) shown as `⟨U+202E⟩`,
/// so "edom" with a right-to-left override cannot pass for "mode".
pub fn echo(s: &str, max: usize) -> String {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c,
                '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
    };
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if invisible(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    out
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
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "app", "apps"), "1 app");
        assert_eq!(count(0, "app", "apps"), "0 apps");
        assert_eq!(count(2, "app", "apps"), "2 apps");
        assert_eq!(count(1_250, "app", "apps"), "1,250 apps");
    }

    #[test]
    fn spans() {
        assert_eq!(span(&Span::range(6000.0, 50000.0)), "$6,000–$50,000");
        assert_eq!(span(&Span::at_least(60000.0)), "$60,000+");
        assert_eq!(span(&Span::point(4500.0).approx(true)), "~$4,500");
    }

    #[test]
    fn prices() {
        let f = Figure::point(Basis::PerUser, Period::Month, 49.0);
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
        assert_eq!(
            price(&Price::Text {
                text: "€149/mo".into()
            }),
            "price not machine-readable: €149/mo"
        );
        // Metabase Pro: $517.50 a month billed annually incl. 10 users, +$130/user/yr.
        let metabase = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 517.5),
            included: 10,
            extra: Some(Figure::point(Basis::PerUser, Period::Year, 130.0)),
            max_extra: None,
        };
        assert_eq!(
            price(&metabase),
            "$6,210 a year for up to 10 people, then $130 a year per extra person"
        );
        let pack = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 24.95),
            included: 10,
            extra: Some(Figure::point(Basis::PerUser, Period::Month, 4.99)),
            max_extra: Some(10),
        };
        assert_eq!(
            price(&pack),
            "$299.40 a year for up to 10 people, then $59.88 a year per extra person, for up to 10 more"
        );
        let bundle = Price::Seats {
            fee: Figure {
                or_more: true,
                ..Figure::point(Basis::Flat, Period::Month, 2500.0)
            },
            included: 5,
            extra: None,
            max_extra: None,
        };
        assert_eq!(
            price(&bundle),
            "$30,000+ a year for up to 5 people; the price for more is not stated"
        );
        let every = Price::Seats {
            fee: Figure::point(Basis::Flat, Period::Month, 49.0),
            included: 0,
            extra: Some(Figure::point(Basis::PerUser, Period::Month, 6.0)),
            max_extra: None,
        };
        assert_eq!(price(&every), "$588 a year, plus $72 a year per person");
        assert_eq!(
            price(&Price::Free { max_users: Some(5) }),
            "Free (up to 5 users)"
        );
    }

    #[test]
    fn scopes_read_as_seats() {
        let s = |min, max| scope(&Scope { min, max });
        assert_eq!(s(Some(50), Some(100)), "50 to 100 seats");
        assert_eq!(s(Some(50), None), "50 seats or more");
        assert_eq!(s(None, Some(1000)), "up to 1,000 seats");
        assert_eq!(s(Some(1), Some(1)), "1 seat");
    }

    #[test]
    fn dates() {
        assert_eq!(date("2026-01-11"), "11 January 2026");
        assert_eq!(date("garbage"), "garbage");
        assert_eq!(date("2026-04"), "April 2026");
        assert_eq!(date("2026-13"), "2026-13");
    }

    #[test]
    fn changes_in_spend_read_as_more_or_less() {
        assert_eq!(change(&Span::point(23_240.0)), "$23,240 more");
        assert_eq!(change(&Span::point(-5_760.0)), "$5,760 less");
        assert_eq!(
            change(&Span::point(-5_760.0).approx(true)),
            "about $5,760 less"
        );
        assert_eq!(
            change(&Span::range(-5_760.0, 38_240.0)),
            "$5,760 less to $38,240 more"
        );
        assert_eq!(
            change(&Span::range(-288_000.0, -244_000.0)),
            "$244,000 to $288,000 less"
        );
        assert_eq!(
            change(&Span::range(6_000.0, 50_000.0)),
            "$6,000 to $50,000 more"
        );
        assert_eq!(change(&Span::at_least(6_000.0)), "$6,000 or more extra");
        assert_eq!(
            change(&Span::range(f64::NEG_INFINITY, f64::INFINITY)),
            "cannot be worked out (both prices are open-ended)"
        );
        assert!(!change(&Span::range(-1.0, 2.0)).contains('−'));
    }

    #[test]
    fn costs_and_savings_are_words_never_signs() {
        let says = |s: Span| costs_or_saves(&s);
        assert_eq!(says(Span::point(23_240.0)), "costs $23,240 more");
        assert_eq!(says(Span::point(-5_760.0)), "saves $5,760");
        assert_eq!(
            says(Span::point(-5_760.0).approx(true)),
            "saves about $5,760"
        );
        assert_eq!(
            says(Span::range(-5_760.0, 38_240.0)),
            "saves up to $5,760 or costs up to $38,240 more"
        );
        assert_eq!(
            says(Span::range(-64_560.0, -20_560.0)),
            "saves $20,560 to $64,560"
        );
        assert_eq!(
            says(Span::range(10_000.0, 44_000.0)),
            "costs $10,000 to $44,000 more"
        );
        assert_eq!(
            says(Span::at_least(10_000.0)),
            "costs at least $10,000 more"
        );
        assert_eq!(
            says(Span::at_least(10_000.0).approx(true)),
            "costs at least ~$10,000 more"
        );
        assert_eq!(says(Span::range(0.0, 4_000.0)), "costs up to $4,000 more");
        assert_eq!(says(Span::at_least(0.0)), "costs the same or more");
        assert_eq!(says(Span::point(0.0)), "costs the same");
        assert_eq!(says(Span::range(-3_000.0, 0.0)), "saves up to $3,000");
        assert_eq!(
            says(Span::range(-1_000.0, f64::INFINITY)),
            "saves up to $1,000 or costs any amount more"
        );
        assert_eq!(
            says(Span::range(f64::NEG_INFINITY, f64::INFINITY)),
            "cannot be worked out (both prices are open-ended)"
        );
        // A SCIM plan cheaper a user than the plan below: the jump says so in words too.
        let down = PriceJump::Known {
            from: "Pro".into(),
            to: "Enterprise".into(),
            multiple: Some(Span::point(0.8)),
            per_user_month: Span::point(-5.0),
        };
        assert_eq!(
            price_jump(&down),
            "80% of what you pay now, saves $5 per user a month"
        );
        for s in [
            Span::point(-1.0),
            Span::range(-9.0, -2.0),
            Span::range(-5.0, 5.0),
        ] {
            let words = says(s);
            assert!(!words.contains("less") && !words.contains('−'), "{words}");
        }
    }

    #[test]
    fn multiples_read_as_shares_or_times() {
        assert_eq!(
            multiple(&Span::range(0.02, 0.17)),
            "2% to 17% of what you pay now"
        );
        assert_eq!(multiple(&Span::point(0.5)), "50% of what you pay now");
        assert_eq!(multiple(&Span::range(1.5, 3.0)), "1.5× to 3×");
        assert_eq!(multiple(&Span::at_least(2.0)), "2× or more");
        assert_eq!(multiple(&Span::point(2.5)), "2.5×");
        assert_eq!(
            multiple(&Span::range(0.6, 1.4)),
            "60% of what you pay now to 1.4×"
        );
        assert_eq!(
            multiple(&Span::range(0.0, 1.2)),
            "at most 1.2× what you pay now"
        );
        assert_eq!(
            multiple(&Span::range(0.0, f64::INFINITY)),
            "cannot be worked out (both prices are open-ended)"
        );
    }

    #[test]
    fn echoes_show_invisible_characters_and_stop_at_the_limit() {
        assert_eq!(echo("\u{202E}edom", 40), "⟨U+202E⟩edom");
        assert_eq!(echo("a\u{200B}b\u{0007}", 40), "a⟨U+200B⟩b⟨U+0007⟩");
        assert_eq!(echo("abcdef", 3), "abc…");
        assert_eq!(echo("Zoom é", 40), "Zoom é");
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

    #[test]
    fn fixed_matches_rusts_float_formatting_on_our_numbers() {
        for x in [
            0.0,
            0.05,
            2.4,
            12.0,
            60.28,
            60.6,
            1234.5678,
            -3.2,
            1e9 + 0.3,
        ] {
            for places in 0..=4 {
                assert_eq!(
                    fixed(x, places),
                    format!("{x:.*}", places as usize),
                    "{x} {places}"
                );
            }
        }
        // A tie as the number is written rounds away from zero, as a person would round it
        // (Rust's formatting goes by the binary value: 0.25 to even, 1.45 down).
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(1.45, 1), "1.5");
        assert_eq!(plain(-0.00001), "0");
        assert_eq!(plain(1e15), "1000000000000000");
        assert_eq!(plain(0.123456), "0.1235");
        assert_eq!(times(1.44), "1.4×");
        assert_eq!(times(11.97), "12×");
    }

    #[test]
    fn read_decimal_reads_what_the_standard_parser_reads() {
        for s in [
            "0",
            "60",
            "60.28",
            "-3",
            "+7",
            ".5",
            "5.",
            "1e3",
            "2.5E-2",
            "007",
            "0.1234567890123456789012",
            "123456789012345678901234",
            "9007199254740993",
        ] {
            assert_eq!(read_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        // Exponents at i32's ends: zero or too large, never an overflow.
        assert_eq!(read_decimal("1.5e-2147483648"), Some(0.0));
        assert_eq!(read_decimal("1e-400"), Some(0.0));
        assert_eq!(read_decimal("1e2147483647"), None);
        for s in [
            "", ".", "-", "e5", "1e", "1.2.3", "--5", "inf", "NaN", "1e400", "12a", "٣",
        ] {
            assert_eq!(read_decimal(s), None, "{s}");
        }
    }
}
