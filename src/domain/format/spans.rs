//! Money ranges in words: how much (`span`, `amount`), how much more or less a reader pays
//! (`change`, `costs_or_saves`), and how many times the price (`multiple`, the price jump).
//! An open end or an estimate is always said, never hidden.

use super::numbers::{plain, times, usd_whole};
use crate::domain::cost::jump::PriceJump;
use crate::domain::cost::Span;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        assert_eq!(span(&Span::range(6000.0, 50000.0)), "$6,000–$50,000");
        assert_eq!(span(&Span::at_least(60000.0)), "$60,000+");
        assert_eq!(span(&Span::point(4500.0).approx(true)), "~$4,500");
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
}
