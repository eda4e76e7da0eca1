//! Numbers as a buyer reads them: dollars with thousands separators, counts with their
//! noun, plain decimals, ratios, and reading a typed decimal back. Pure functions: the same
//! text on the server and in the browser, without float formatting's tables in the wasm.

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

/// A ratio as "12×" or "1.4×".
pub fn times(r: f64) -> String {
    if (r - r.round()).abs() < 0.05 {
        format!("{}×", plain(r.round()))
    } else {
        format!("{}×", fixed(r, 1))
    }
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
