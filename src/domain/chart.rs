//! Charts as pure functions returning SVG strings, drawn with plotters. Only the server
//! draws them (the page arrives with its chart, and the calculator island fetches a new
//! one per scenario through `ui::server_fns::chart_svg`), so plotters stays out of the
//! browser bundle.
//!
//! Colours: plotters writes black as `#000000`; we turn it into `currentColor` so axes and
//! labels follow the page's text colour in light and dark mode. The two series use mid-tone
//! colours that read on both backgrounds. The legend is HTML beside the chart (coloured
//! with `MANUAL_CSS` and `UPGRADE_CSS`), so it follows the page's theme and fonts too.

use crate::domain::cost::Span;
use crate::domain::report::{chart_points, headline, CostPoint, Report};
use crate::domain::vendor::Vendor;
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

const WIDTH: u32 = 720;
const HEIGHT: u32 = 380;
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

/// "$12k", "$1.2M": short dollar labels for the axis.
pub fn short_usd(v: f64) -> String {
    let sign = if v < 0.0 { "−" } else { "" };
    let a = v.abs();
    let body = if a >= 1e6 {
        format!("${:.1}M", a / 1e6).replace(".0M", "M")
    } else if a >= 1e3 {
        format!("${:.0}k", a / 1e3)
    } else {
        format!("${a:.0}")
    };
    format!("{sign}{body}")
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

/// The largest dollar figure the chart plots; beyond it plotters' tick search degrades.
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
    // plotters writes a viewBox of its own; add one only where it did not (one attribute
    // twice is not valid XML).
    let head = svg.split('>').next().unwrap_or("");
    let view_box = if head.contains("viewBox") {
        String::new()
    } else {
        format!("viewBox=\"0 0 {WIDTH} {HEIGHT}\" ")
    };
    let svg = svg.replace("#000000", "currentColor").replacen(
        &format!("width=\"{WIDTH}\" height=\"{HEIGHT}\""),
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
    let (y_lo, y_hi) = y_range(c.points);
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..x_max, y_lo..y_hi)?;
    chart
        .configure_mesh()
        .x_desc("Team size (people)")
        .y_desc("Dollars a year")
        .x_label_formatter(&|v| crate::domain::format::group_thousands(v.max(0.0).round() as u64))
        .y_label_formatter(&|v| short_usd(*v))
        .x_labels(8)
        .y_labels(7)
        .light_line_style(BLACK.mix(0.06))
        .bold_line_style(BLACK.mix(0.12))
        .axis_style(BLACK.mix(0.6))
        .label_style(("sans-serif", 13).into_font().color(&BLACK))
        .axis_desc_style(("sans-serif", 14).into_font().color(&BLACK))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dollar_labels() {
        assert_eq!(short_usd(0.0), "$0");
        assert_eq!(short_usd(950.0), "$950");
        assert_eq!(short_usd(12_400.0), "$12k");
        assert_eq!(short_usd(1_000_000.0), "$1M");
        assert_eq!(short_usd(-5_760.0), "−$6k");
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
        assert!(svg.contains("viewBox=\"0 0 720 380\""));
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
