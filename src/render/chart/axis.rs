//! A chart's axes (server only): round ticks whose labels never repeat, the dollar labels,
//! and the room labels take beside and below an axis.
//!
//! Ticks: we pick them, not plotters: a round step first (1, 2, 2.5 or 5 times a power of
//! ten), then labels written to that step's precision, so no two labels read the same
//! ("$1k, $1.5k, $2k", never "$2k, $2k").

use super::style::{text_height, text_width, MARGIN};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;

/// A short dollar label for a tick of an axis whose ticks are `step` apart: "$500",
/// "$1.5k", "$1.25M". It has the decimals the step needs in its unit and no trailing
/// zeros, so every tick states its own value and no two ticks read the same.
pub fn short_usd(v: f64, step: f64) -> String {
    let sign = if v < 0.0 { "−" } else { "" };
    let a = v.abs();
    let (unit, suffix) = if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    // 500 in thousands needs one decimal (0.5), 250 two (0.25).
    let places = (0..6)
        .find(|&d| {
            let x = step / unit * 10f64.powi(d);
            (x - x.round()).abs() < 1e-6
        })
        .unwrap_or(6) as usize;
    let body = format!("{:.places$}", a / unit);
    let body = match body.contains('.') {
        true => body.trim_end_matches('0').trim_end_matches('.'),
        false => &body,
    };
    format!("{sign}${body}{suffix}")
}

/// An axis's ticks: `step` apart, at multiples of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub step: f64,
    pub values: Vec<f64>,
}

/// The ticks covering `lo..=hi` in at most `most` steps, with the smallest round step
/// that does it: 1, 2, 2.5 or 5 times a power of ten, whole (a dollar, a person), from the
/// multiple at or below `lo` to the one at or above `hi`.
pub fn ticks(lo: f64, hi: f64, most: usize) -> Ticks {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 0.0)
    };
    let most = most.max(1) as f64;
    // No step below the even split (the span over `most`) fits; one a hundred times it
    // always does, but where a single step must cover a range astride one of its
    // multiples (zero), which takes two: the search ends there all the same.
    let power = ((hi - lo) / most).max(1.0).log10().floor() as i32;
    let steps = (power..power + 3).flat_map(|p| [1.0, 2.0, 2.5, 5.0].map(|m| m * 10f64.powi(p)));
    let step = steps
        .filter(|s| s.fract() == 0.0)
        .find(|s| (hi / s).ceil() - (lo / s).floor() <= most)
        .unwrap_or(10f64.powi(power + 3));
    let (first, last) = ((lo / step).floor() as i64, (hi / step).ceil() as i64);
    Ticks {
        step,
        values: (first..=last).map(|i| i as f64 * step).collect(),
    }
}

impl Ticks {
    /// The range the ticks span.
    pub(super) fn range(&self) -> std::ops::Range<f64> {
        self.values[0]..self.values[self.values.len() - 1].max(self.values[0] + self.step)
    }
}

/// A linear axis over `range` with our ticks and no light grid lines. (plotters' own
/// `with_key_points` over `f64` leaves an axis no mesh accepts: it has no label format.)
pub(super) struct TickAxis {
    range: RangedCoordf64,
    ticks: Vec<f64>,
}

impl TickAxis {
    pub(super) fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> TickAxis {
        TickAxis {
            range: range.into(),
            ticks,
        }
    }
}

impl Ranged for TickAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        match hint.weight().allow_light_points() {
            true => Vec::new(),
            false => self.ticks.clone(),
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.range()
    }
}

/// Ticks for an axis read across: the most steps (up to `most`) whose labels, written by
/// `label(value, step)` side by side with a gap, fit in `room`. With `clip`, only the
/// ticks inside `lo..=hi` (an axis that ends at its data, not at a round value).
pub(super) fn across(
    lo: f64,
    hi: f64,
    room: u32,
    most: usize,
    clip: bool,
    label: impl Fn(f64, f64) -> String,
) -> Ticks {
    let fit = |most: usize| {
        let mut t = ticks(lo, hi, most);
        if clip {
            t.values.retain(|v| (lo..=hi).contains(v));
        }
        t
    };
    (1..=most)
        .rev()
        .map(fit)
        .find(|t| {
            let widest = t
                .values
                .iter()
                .map(|v| text_width(&label(*v, t.step)))
                .max();
            t.values.len() as u32 * (widest.unwrap_or(0) + MARGIN) <= room
        })
        .unwrap_or_else(|| fit(1))
}

/// The width of a label area beside an axis: its widest label, the axis's description
/// turned on its side, and the tick marks' room.
pub(super) fn side_area(labels: &[String]) -> u32 {
    labels.iter().map(|l| text_width(l)).max().unwrap_or(0) + text_height() + 2 * MARGIN
}

/// The height of a label area below an axis: a line of labels, the description, and the
/// tick marks' room.
pub(super) fn bottom_area() -> u32 {
    2 * text_height() + MARGIN + 4
}

/// The largest dollar figure a chart plots: beyond any price, and far within the whole
/// numbers an `f64` holds exactly, so ticks stay exact.
pub(super) const Y_LIMIT: f64 = 1e12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dollar_labels() {
        assert_eq!(short_usd(0.0, 1.0), "$0");
        assert_eq!(short_usd(950.0, 1.0), "$950");
        assert_eq!(short_usd(12_400.0, 1000.0), "$12k");
        assert_eq!(short_usd(1_000_000.0, 1e6), "$1M");
        assert_eq!(short_usd(-5_760.0, 1000.0), "−$6k");
        // The step's precision, no trailing zeros.
        assert_eq!(short_usd(1_500.0, 500.0), "$1.5k");
        assert_eq!(short_usd(2_000.0, 500.0), "$2k");
        assert_eq!(short_usd(1_250.0, 250.0), "$1.25k");
        assert_eq!(short_usd(1_250_000.0, 250_000.0), "$1.25M");
        assert_eq!(short_usd(750_000.0, 250_000.0), "$750k");
        assert_eq!(short_usd(-2_500.0, 2_500.0), "−$2.5k");
    }

    #[test]
    fn ticks_take_the_smallest_round_step_that_fits() {
        assert_eq!(ticks(0.0, 3_240.0, 7).values.len(), 8);
        assert_eq!(ticks(0.0, 3_240.0, 7).step, 500.0);
        assert_eq!(ticks(0.0, 3_240.0, 6).step, 1000.0);
        assert_eq!(ticks(0.0, 120.0, 5).step, 25.0);
        // Whole steps only: no 2.5 people.
        assert_eq!(ticks(0.0, 20.0, 8).step, 5.0);
        assert_eq!(ticks(0.0, 3.0, 8).step, 1.0);
        assert_eq!(ticks(0.0, 0.0, 6).values, [0.0]);
        // One step cannot span a range astride zero; the search still ends.
        assert_eq!(ticks(-1.0, 1.0, 1).values, [-1000.0, 0.0, 1000.0]);
        assert_eq!(ticks(f64::NAN, 1.0, 6).values, [0.0]);
    }
}
