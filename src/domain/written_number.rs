//! Numbers as a text writes them (`1,250`, `9.50`, `$25 monthly`): read by the price reader
//! (`price_text`, while the data loads) and by a price move's check for a figure restated
//! with other billing (`changes::price_move`), so both read a figure the same way.

/// A plain number, `1,250` or `9.50`, at the start of `s`; commas only between groups of
/// three digits. Returns the value and the rest.
pub fn number(s: &str) -> Option<(f64, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    // A comma or point that ends the number is punctuation (`10 users, +$5`), not a digit's.
    let end = s[..end].trim_end_matches([',', '.']).len();
    let (raw, rest) = s.split_at(end);
    if !raw.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if frac.contains([',', '.']) {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let digits = if frac.is_empty() {
        groups.concat()
    } else {
        format!("{}.{frac}", groups.concat())
    };
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some((value, rest))
}

/// Every dollar figure written in `text` (`$25 monthly`, `$1,250`), in order, whatever its
/// unit: for telling whether a text states a figure at all, not for pricing.
pub fn dollar_figures(text: &str) -> impl Iterator<Item = f64> + '_ {
    text.split('$')
        .skip(1)
        .filter_map(|rest| number(rest).map(|(n, _)| n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_figures_are_every_amount_written() {
        let all = |t: &str| dollar_figures(t).collect::<Vec<_>>();
        assert_eq!(
            all("Business: $20/u/mo (annual, 2+ users); $25 monthly"),
            [20.0, 25.0]
        );
        assert_eq!(all("$1,250/yr, then $9.50."), [1250.0, 9.5]);
        assert!(all("Contact Sales").is_empty());
    }
}
