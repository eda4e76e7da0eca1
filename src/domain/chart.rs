//! Charts as pure functions returning SVG strings, drawn with plotters. Only the server
//! draws them (the page arrives with its chart, and the calculator island fetches a new
//! one per scenario from `/chart.svg`, `server::chart_svg`), so plotters stays out of the
//! browser bundle.
//!
//! Colours: plotters writes black as `#000000`; we turn it into `currentColor` so axes and
//! labels follow the page's text colour in light and dark mode. The two series use mid-tone
//! colours that read on both backgrounds. The legend is HTML beside the chart (coloured
//! with `MANUAL_CSS` and `UPGRADE_CSS`), so it follows the page's theme and fonts too.
//!
//! Ticks: we pick them, not plotters: a round step first (1, 2, 2.5 or 5 times a power of
//! ten), then labels written to that step's precision, so no two labels read the same
//! ("$1k, $1.5k, $2k", never "$2k, $2k"). Text: the page scales the SVG to its box, so
//! the drawing is small and its text large enough to read on a phone ([`PHONE_CHART_PX`]).

use crate::domain::cost::Span;
use crate::domain::report::{chart_points, headline, CostPoint, Report};
use crate::domain::vendor::Vendor;
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

pub struct CostChart<'a> {
    pub points: &'a [CostPoint],
    /// The reader's team size, marked with a vertical line.
    pub marker: u32,
    /// Text alternative, also the SVG's `<title>`.
    pub title: &'a str,
}

/// Series colours as CSS, for the HTML legend.
pub const MANUAL_CSS: &str = "rgb(214, 94, 36)";
pub const UPGRADE_CSS: &str = "rgb(46, 120, 200)";

/// The drawing's size; the page scales it to the chart's box.
const WIDTH: u32 = 480;
const HEIGHT: u32 = 320;
/// Space around the plot, and between side-by-side labels.
const MARGIN: u32 = 12;
/// The text size, as plotters takes it: it writes `FONT / 1.24` into the SVG.
const FONT: f64 = 25.0;

/// The narrowest box a chart gets on a 390 px phone, in CSS pixels, from
/// `style/main.css`: 390 less `main`'s side padding (2 × 1.25rem), a guide section's
/// padding and border (2 × (1.25rem + 1px)) and the chart card's (2 × (1rem + 1px)). The
/// calculator and stack pages, without the section, give it 316.
pub const PHONE_CHART_PX: f64 = 274.0;
/// The smallest text a chart shows there, in CSS pixels: [`FONT`] is chosen for it.
pub const MIN_TEXT_PX: f64 = 11.0;
const MANUAL: RGBColor = RGBColor(214, 94, 36);
const UPGRADE: RGBColor = RGBColor(46, 120, 200);

/// The chart of a calculator report: both costs across team sizes, the reader's marked.
pub fn report_chart(vendor: Option<&Vendor>, r: &Report) -> String {
    let points = chart_points(vendor, &r.scenario);
    cost_chart(&CostChart {
        points: &points,
        marker: r.scenario.users,
        title: &headline(r, vendor.map(|v| v.name.as_str())),
    })
}

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
    fn range(&self) -> std::ops::Range<f64> {
        self.values[0]..self.values[self.values.len() - 1].max(self.values[0] + self.step)
    }
}

/// A linear axis over `range` with our ticks and no light grid lines. (plotters' own
/// `with_key_points` over `f64` leaves an axis no mesh accepts: it has no label format.)
struct TickAxis {
    range: RangedCoordf64,
    ticks: Vec<f64>,
}

impl TickAxis {
    fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> TickAxis {
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

/// How wide `text` is drawn, about: a digit of a sans-serif font is some 0.6 em.
fn text_width(text: &str) -> u32 {
    (text.chars().count() as f64 * 0.6 * FONT / 1.24).ceil() as u32
}

/// The height of a line of text.
fn text_height() -> u32 {
    (FONT / 1.24).ceil() as u32
}

/// Ticks for an axis read across: the most steps (up to `most`) whose labels, written by
/// `label(value, step)` side by side with a gap, fit in `room`. With `clip`, only the
/// ticks inside `lo..=hi` (an axis that ends at its data, not at a round value).
fn across(
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
fn side_area(labels: &[String]) -> u32 {
    labels.iter().map(|l| text_width(l)).max().unwrap_or(0) + text_height() + 2 * MARGIN
}

/// The height of a label area below an axis: a line of labels, the description, and the
/// tick marks' room.
fn bottom_area() -> u32 {
    2 * text_height() + MARGIN + 4
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The y range: all finite values, with the open top of a band capped a little above
/// the highest finite figure.
fn y_range(points: &[CostPoint]) -> (f64, f64) {
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 0.0;
    for p in points {
        hi = hi.max(p.manual);
        if let Some(s) = p.upgrade {
            for v in [s.low, s.high] {
                if v.is_finite() {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
    }
    if hi <= lo {
        hi = lo + 1000.0;
    }
    let pad = (hi - lo) * 0.08;
    (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad)
}

/// The cost chart's y ticks: its figures' range in round steps, labels a line and a half
/// apart at least.
fn y_ticks(points: &[CostPoint]) -> Ticks {
    let (lo, hi) = y_range(points);
    let plot_height = HEIGHT - 2 * MARGIN - bottom_area();
    ticks(lo, hi, (plot_height * 2 / (3 * text_height())) as usize)
}

/// The largest dollar figure the chart plots: beyond any price, and far within the whole
/// numbers an `f64` holds exactly, so ticks stay exact.
const Y_LIMIT: f64 = 1e12;
const X_LIMIT: u32 = 10_000_000;

/// Clamps every figure into what the chart can draw; open tops stay open (infinite).
fn tame(points: &[CostPoint]) -> Vec<CostPoint> {
    let clamp = |v: f64| {
        if v.is_nan() {
            0.0
        } else {
            v.clamp(-Y_LIMIT, Y_LIMIT)
        }
    };
    points
        .iter()
        .map(|p| CostPoint {
            users: p.users.min(X_LIMIT),
            manual: clamp(p.manual),
            upgrade: p.upgrade.map(|s| Span {
                low: if s.low.is_infinite() {
                    s.low
                } else {
                    clamp(s.low)
                },
                high: if s.high.is_infinite() {
                    s.high
                } else {
                    clamp(s.high)
                },
                approx: s.approx,
            }),
        })
        .collect()
}

pub fn cost_chart(c: &CostChart) -> String {
    let points = tame(c.points);
    let c = &CostChart {
        points: &points,
        marker: c.marker.min(X_LIMIT),
        title: c.title,
    };
    let mut svg = String::new();
    if draw(c, &mut svg).is_err() || svg.is_empty() {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} 60\" role=\"img\"><title>{}</title><text x=\"10\" y=\"30\" fill=\"currentColor\">The chart could not be drawn for these inputs.</text></svg>",
            escape(c.title)
        );
    }
    finish(svg, c.title)
}

/// Makes the SVG follow the page's colours, scale with its box, and carry its title.
fn finish(svg: String, title: &str) -> String {
    finish_sized(svg, title, WIDTH, HEIGHT)
}

fn finish_sized(svg: String, title: &str, width: u32, height: u32) -> String {
    // plotters writes a viewBox of its own; add one only where it did not (one attribute
    // twice is not valid XML).
    let head = svg.split('>').next().unwrap_or("");
    let view_box = if head.contains("viewBox") {
        String::new()
    } else {
        format!("viewBox=\"0 0 {width} {height}\" ")
    };
    let svg = svg.replace("#000000", "currentColor").replacen(
        &format!("width=\"{width}\" height=\"{height}\""),
        &format!("{view_box}role=\"img\" preserveAspectRatio=\"xMidYMid meet\""),
        1,
    );
    match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => {
            format!(
                "{}<title>{}</title>{}",
                &svg[..=i],
                escape(title),
                &svg[i + 1..]
            )
        }
        _ => svg,
    }
}

fn draw<'a>(c: &CostChart, out: &'a mut String) -> Result<(), Box<dyn std::error::Error + 'a>> {
    let x_max = c
        .points
        .iter()
        .map(|p| p.users)
        .chain([c.marker])
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let ys = y_ticks(c.points);
    let (y_lo, y_hi) = (ys.range().start, ys.range().end);
    let y_label = |v: f64| short_usd(v, ys.step);
    let y_area = side_area(&ys.values.iter().map(|v| y_label(*v)).collect::<Vec<_>>());
    let people = |v: f64| crate::domain::format::group_thousands(v.max(0.0).round() as u64);
    let room = WIDTH - 2 * MARGIN - y_area;
    let xs = across(0.0, x_max, room, 8, true, |v, _| people(v));
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN)
        // The last label is centred on the axis's end: half of it overhangs.
        .margin_right(MARGIN.max(text_width(&people(x_max)) / 2 + 4))
        .x_label_area_size(bottom_area())
        .y_label_area_size(y_area)
        .build_cartesian_2d(
            TickAxis::new(0f64..x_max, xs.values),
            TickAxis::new(ys.range(), ys.values.clone()),
        )?;
    house_style(&mut chart.configure_mesh())
        .x_desc("Team size (people)")
        .y_desc("Dollars a year")
        .x_label_formatter(&|v| people(*v))
        .y_label_formatter(&|v| y_label(*v))
        .draw()?;

    // The upgrade band: low edge left to right, then the high edge back, capped at the top.
    let band: Vec<(f64, f64, f64)> = c
        .points
        .iter()
        .filter_map(|p| p.upgrade.map(|s| (p.users as f64, s.low, s.high)))
        .filter(|(_, lo, _)| lo.is_finite())
        .map(|(x, lo, hi)| (x, lo.max(y_lo), hi.min(y_hi)))
        .collect();
    if !band.is_empty() {
        let mut outline: Vec<(f64, f64)> = band.iter().map(|&(x, lo, _)| (x, lo)).collect();
        outline.extend(band.iter().rev().map(|&(x, _, hi)| (x, hi)));
        chart.draw_series(std::iter::once(Polygon::new(outline, UPGRADE.mix(0.25))))?;
        let high: Vec<(f64, f64)> = band.iter().map(|&(x, _, hi)| (x, hi)).collect();
        chart.draw_series(LineSeries::new(high, UPGRADE.stroke_width(2)))?;
        chart.draw_series(LineSeries::new(
            band.iter().map(|&(x, lo, _)| (x, lo)),
            UPGRADE.stroke_width(2),
        ))?;
    }
    chart.draw_series(LineSeries::new(
        c.points.iter().map(|p| (p.users as f64, p.manual)),
        MANUAL.stroke_width(3),
    ))?;
    let m = c.marker as f64;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(m, y_lo), (m, y_hi)],
        BLACK.mix(0.7).stroke_width(1),
    )))?;
    if y_lo < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (x_max, 0.0)],
            BLACK.mix(0.4).stroke_width(1),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// One app of the stack chart: what staying manual costs a year, and what getting SCIM
/// adds a year (a range, an open top, or `None` where no price is known).
pub struct StackBar {
    pub name: String,
    pub manual: f64,
    pub extra: Option<Span>,
}

/// The most apps the stack chart draws; the table lists them all.
pub const STACK_CHART_APPS: usize = 20;
/// The height of an app's row: its name's line and room around it.
const BAR_ROW: u32 = 40;
/// The most characters of an app's name the chart shows; the table has them all.
const NAME_CHARS: usize = 12;

/// The stack chart's height for `n` apps.
pub fn stack_chart_height(n: usize) -> u32 {
    2 * MARGIN + bottom_area() + BAR_ROW * n.clamp(1, STACK_CHART_APPS) as u32
}

/// An app's name as its row shows it: cut to [`NAME_CHARS`].
fn row_name(name: &str) -> String {
    if name.chars().count() > NAME_CHARS {
        format!("{}…", name.chars().take(NAME_CHARS - 1).collect::<String>())
    } else {
        name.to_string()
    }
}

/// SCIM tax against manual cost, one row per app, in the order given (largest first):
/// the manual cost a bar, the SCIM extra a bar from its low to its high end (lighter to
/// the edge where the top is open). Apps beyond [`STACK_CHART_APPS`] are left to the table.
pub fn stack_chart(bars: &[StackBar], title: &str) -> String {
    let bars = &bars[..bars.len().min(STACK_CHART_APPS)];
    let height = stack_chart_height(bars.len());
    let mut svg = String::new();
    if draw_stack(bars, height, &mut svg).is_err() || svg.is_empty() {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} 60\" role=\"img\"><title>{}</title><text x=\"10\" y=\"30\" fill=\"currentColor\">The chart could not be drawn for this stack.</text></svg>",
            escape(title)
        );
    }
    finish_sized(svg, title, WIDTH, height)
}

fn draw_stack<'a>(
    bars: &[StackBar],
    height: u32,
    out: &'a mut String,
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    let clamp = |v: f64| {
        if v.is_nan() {
            0.0
        } else {
            v.clamp(-Y_LIMIT, Y_LIMIT)
        }
    };
    let finite = bars.iter().flat_map(|b| {
        let e = b.extra.unwrap_or(Span::point(0.0));
        [b.manual, e.low, e.high]
    });
    let (mut lo, mut hi) = (0f64, 0f64);
    for v in finite.filter(|v| v.is_finite()) {
        lo = lo.min(clamp(v));
        hi = hi.max(clamp(v));
    }
    if hi <= lo {
        hi = lo + 1000.0;
    }
    let pad = (hi - lo) * 0.05;
    let (lo, hi) = (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad);
    let n = bars.len().max(1);
    let names: Vec<String> = bars.iter().map(|b| row_name(&b.name)).collect();
    let name_area = names.iter().map(|n| text_width(n)).max().unwrap_or(0) + 2 * MARGIN;
    let xs = across(lo, hi, WIDTH - 2 * MARGIN - name_area, 6, false, short_usd);
    let (lo, hi) = (xs.range().start, xs.range().end);
    let widest = xs
        .values
        .iter()
        .map(|v| text_width(&short_usd(*v, xs.step)));
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN)
        .margin_right(MARGIN.max(widest.max().unwrap_or(0) / 2 + 4))
        .x_label_area_size(bottom_area())
        .y_label_area_size(name_area)
        .build_cartesian_2d(
            TickAxis::new(xs.range(), xs.values.clone()),
            // Row i spans n-i-1..n-i from the bottom; its name sits at its middle.
            TickAxis::new(0f64..n as f64, (0..n).map(|i| i as f64 + 0.5).collect()),
        )?;
    house_style(&mut chart.configure_mesh())
        .disable_y_mesh()
        .x_desc("Dollars a year")
        .x_label_formatter(&|v| short_usd(*v, xs.step))
        .y_label_formatter(&|v| {
            let row = (n as f64 - v - 0.5).round() as usize;
            names.get(row).cloned().unwrap_or_default()
        })
        .draw()?;
    for (i, b) in bars.iter().enumerate() {
        let top = n as f64 - i as f64;
        let manual = (top - 0.15, top - 0.5);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, manual.0), (clamp(b.manual), manual.1)],
            MANUAL.filled(),
        )))?;
        let Some(e) = b.extra else { continue };
        let row = (top - 0.5, top - 0.85);
        let low = if e.low.is_finite() { clamp(e.low) } else { lo };
        let high = if e.high.is_finite() {
            clamp(e.high)
        } else {
            hi
        };
        // Solid up to the low end (the least it adds), lighter across the range.
        if low != 0.0 {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, row.0), (low, row.1)],
                UPGRADE.filled(),
            )))?;
        }
        chart.draw_series(std::iter::once(Rectangle::new(
            [(low, row.0), (high.max(low), row.1)],
            UPGRADE.mix(0.35).filled(),
        )))?;
    }
    if lo < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            BLACK.mix(0.5).stroke_width(1),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// The grid, axes and labels every chart shares (the page's CSS recolours them in dark mode).
fn house_style<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.light_line_style(BLACK.mix(0.06))
        .bold_line_style(BLACK.mix(0.12))
        .axis_style(BLACK.mix(0.6))
        .label_style(("sans-serif", FONT).into_font().color(&BLACK))
        .axis_desc_style(("sans-serif", FONT).into_font().color(&BLACK))
}

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

    /// A label read back as dollars: "−$1.25M" → -1,250,000.
    fn dollars(label: &str) -> f64 {
        let (sign, rest) = match label.strip_prefix('−') {
            Some(rest) => (-1.0, rest),
            None => (1.0, label),
        };
        let rest = rest.strip_prefix('$').unwrap();
        let (digits, unit) = match rest.chars().last() {
            Some('k') => (&rest[..rest.len() - 1], 1e3),
            Some('M') => (&rest[..rest.len() - 1], 1e6),
            _ => (rest, 1.0),
        };
        sign * digits.parse::<f64>().unwrap() * unit
    }

    fn rising_to(max: f64) -> Vec<CostPoint> {
        (0..=120)
            .step_by(4)
            .map(|users| CostPoint {
                users,
                manual: max * users as f64 / 120.0,
                upgrade: None,
            })
            .collect()
    }

    #[test]
    fn y_labels_are_round_unique_and_rising() {
        for max in [
            2_700.0,
            3_000.0,
            999.0,
            12_345.0,
            1_250_000.0,
            0.0,
            7.0,
            1e12,
        ] {
            let t = y_ticks(&rising_to(max));
            let labels: Vec<String> = t.values.iter().map(|v| short_usd(*v, t.step)).collect();
            let power = 10f64.powi(t.step.log10().floor() as i32);
            assert!(
                [1.0, 2.0, 2.5, 5.0].contains(&(t.step / power)),
                "{max}: step {}",
                t.step
            );
            assert!(
                t.values.len() >= 2 && t.values.len() <= 8,
                "{max}: {labels:?}"
            );
            assert!(
                t.values[0] <= 0.0 && *t.values.last().unwrap() >= max,
                "{max}"
            );
            for (v, label) in t.values.iter().zip(&labels) {
                assert_eq!(
                    v % t.step,
                    0.0,
                    "{max}: {v} is not a multiple of {}",
                    t.step
                );
                // Each label states its tick exactly, so labels rise as the ticks do.
                assert_eq!(dollars(label), *v, "{max}: {label}");
            }
            assert!(
                t.values.windows(2).all(|w| w[0] < w[1]),
                "{max}: {labels:?}"
            );
            let mut unique = labels.clone();
            unique.dedup();
            assert_eq!(unique, labels, "{max}");
        }
        // A band below zero gets ticks below zero, at the same round steps: −$1,900 to
        // $2,700, 8 % more each way.
        let mut points = rising_to(2_700.0);
        points[0].upgrade = Some(Span::range(-1_900.0, 800.0));
        let t = y_ticks(&points);
        assert_eq!(t.step, 1000.0);
        assert_eq!(
            t.values,
            [-3000.0, -2000.0, -1000.0, 0.0, 1000.0, 2000.0, 3000.0, 4000.0]
        );
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

    /// Each `<text>` of an SVG: its attributes and its text.
    fn texts(svg: &str) -> Vec<(&str, &str)> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                let (attrs, rest) = t.split_once('>').unwrap();
                (attrs, rest.split("</text>").next().unwrap().trim())
            })
            .collect()
    }

    /// The number in attribute `name`.
    fn number(attrs: &str, name: &str) -> f64 {
        let from = attrs.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        attrs[from..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn an_ironclad_like_chart_labels_its_axes_exactly() {
        // Ironclad at 60 people: staying manual rises to about $2,930 at twice the team;
        // no upgrade band (both prices are open-ended). Before, its y axis read "$0, $500,
        // $1k, $2k, $2k, $2k, $3k".
        let svg = cost_chart(&CostChart {
            points: &rising_to(2_930.0),
            marker: 60,
            title: "Ironclad",
        });
        let texts = texts(&svg);
        let mut y: Vec<(f64, &str)> = texts
            .iter()
            .filter(|(a, _)| a.contains("text-anchor=\"end\""))
            .map(|(a, t)| (number(a, "y"), *t))
            .collect();
        y.sort_by(|a, b| b.0.total_cmp(&a.0));
        let y: Vec<&str> = y.into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            y,
            ["$0", "$500", "$1k", "$1.5k", "$2k", "$2.5k", "$3k", "$3.5k"]
        );
        let x: Vec<&str> = texts
            .iter()
            .filter(|(a, t)| a.contains("text-anchor=\"middle\"") && !t.contains(' '))
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(x, ["0", "20", "40", "60", "80", "100", "120"]);
    }

    /// The smallest text of an SVG as a phone shows it: its font size scaled from the
    /// drawing's width to the chart's box on a 390 px screen.
    fn smallest_text_on_a_phone(svg: &str) -> f64 {
        let view_box = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
        let width: f64 = view_box.split(' ').next().unwrap().parse().unwrap();
        let smallest = texts(svg)
            .iter()
            .map(|(a, _)| number(a, "font-size"))
            .fold(f64::INFINITY, f64::min);
        smallest * PHONE_CHART_PX / width
    }

    #[test]
    fn text_is_readable_on_a_phone() {
        let cost = cost_chart(&CostChart {
            points: &rising_to(2_930.0),
            marker: 60,
            title: "t",
        });
        let bar = |name: &str| StackBar {
            name: name.into(),
            manual: 1_000.0,
            extra: Some(Span::range(-500.0, 2_000.0)),
        };
        let stack = stack_chart(&[bar("Mode"), bar("A rather long app name")], "t");
        for svg in [cost, stack] {
            let px = smallest_text_on_a_phone(&svg);
            assert!(px >= MIN_TEXT_PX, "{px:.1} px: {}", &svg[..200]);
        }
        // The box the phone gives a chart, as `style/main.css` sets it: `main`'s side
        // padding, a guide section's and a card's, each with a 1px border, full width.
        let css = include_str!("../../style/main.css");
        for (rule, holds) in [
            ("main,\n.site-footer {", "padding: 0 1.25rem;"),
            (".section {", "padding: 1.1rem 1.25rem 1.25rem;"),
            (".card {", "padding: 1rem;"),
            (".chart-svg svg {", "width: 100%;"),
        ] {
            let body = css.split(rule).nth(1).and_then(|r| r.split('}').next());
            assert!(body.is_some_and(|b| b.contains(holds)), "{rule} {holds}");
        }
        assert_eq!(PHONE_CHART_PX, 390.0 - 2.0 * 20.0 - 2.0 * 21.0 - 2.0 * 17.0);
    }

    #[test]
    fn svg_is_self_describing_and_theme_aware() {
        let points = [
            CostPoint {
                users: 1,
                manual: 100.0,
                upgrade: Some(Span::range(-500.0, 9000.0)),
            },
            CostPoint {
                users: 100,
                manual: 2000.0,
                upgrade: Some(Span::at_least(1000.0)),
            },
        ];
        let svg = cost_chart(&CostChart {
            points: &points,
            marker: 50,
            title: "Cost <chart> & \"more\"",
        });
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<title>Cost &lt;chart&gt; &amp; &quot;more&quot;</title>"));
        assert!(svg.contains(&format!("viewBox=\"0 0 {WIDTH} {HEIGHT}\"")));
        assert_eq!(
            svg.matches("viewBox=").count(),
            1,
            "one viewBox: {}",
            &svg[..200]
        );
        assert!(!svg.contains("#000000"));
        assert!(svg.contains("Team size (people)"));
        assert!(svg.contains("Dollars a year"));
    }

    #[test]
    fn the_stack_chart_names_each_app_and_grows_with_them() {
        let bars = [
            StackBar {
                name: "Mode".into(),
                manual: 1324.0,
                extra: Some(Span::range(-17520.0, 26480.0)),
            },
            StackBar {
                name: "Ironclad <&>".into(),
                manual: 146.0,
                extra: None,
            },
            StackBar {
                name: "Open".into(),
                manual: 50.0,
                extra: Some(Span::at_least(1000.0)),
            },
        ];
        let svg = stack_chart(&bars, "Stack");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert_eq!(svg.matches("viewBox=").count(), 1);
        assert!(svg.contains(&format!(
            "viewBox=\"0 0 {WIDTH} {}\"",
            stack_chart_height(3)
        )));
        let labels: Vec<&str> = svg
            .lines()
            .filter(|l| !l.starts_with('<') && !l.is_empty())
            .collect();
        assert_eq!(
            labels[..4],
            ["Dollars a year", "Open", "Ironclad &lt;&amp;&gt;", "Mode"]
        );
        assert!(svg.contains("Dollars a year"));
        // 3 manual bars, Mode's solid low part and range, Open's solid part and range.
        assert_eq!(svg.matches("<rect").count(), 7, "{svg}");
        let many: Vec<StackBar> = (0..30)
            .map(|i| StackBar {
                name: format!("App {i}"),
                manual: i as f64,
                extra: None,
            })
            .collect();
        let svg = stack_chart(&many, "Many");
        assert!(svg.contains("\nApp 19\n") && !svg.contains("\nApp 20\n"));
        for odd in [
            vec![],
            vec![StackBar {
                name: "x".into(),
                manual: f64::NAN,
                extra: Some(Span::range(f64::NEG_INFINITY, f64::INFINITY)),
            }],
        ] {
            assert!(stack_chart(&odd, "t").starts_with("<svg"));
        }
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        for points in [
            vec![],
            vec![CostPoint {
                users: 0,
                manual: 0.0,
                upgrade: None,
            }],
            vec![CostPoint {
                users: 5,
                manual: f64::MAX,
                upgrade: Some(Span::range(f64::NEG_INFINITY, f64::INFINITY)),
            }],
        ] {
            let svg = cost_chart(&CostChart {
                points: &points,
                marker: 0,
                title: "t",
            });
            assert!(svg.starts_with("<svg"), "{svg}");
        }
    }
}
