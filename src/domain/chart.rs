//! Charts as pure functions returning SVG strings, drawn with plotters. Only the server
//! draws them (the page arrives with its chart, and the calculator island fetches a new
//! one per scenario from `/chart.svg`, `server::chart_svg`), so plotters stays out of the
//! browser bundle.
//!
//! Colours: plotters writes black as `#000000`; we turn it into `currentColor` so axes and
//! labels follow the page's text colour in light and dark mode. The two series use mid-tone
//! colours that read on both backgrounds. The legend is HTML beside the chart (coloured
//! with `MANUAL_CSS` and `UPGRADE_CSS`), so it follows the page's theme and fonts too.

use crate::domain::cost::Span;
use crate::domain::report::{chart_points, headline, CostPoint, Report};
use crate::domain::vendor::Vendor;
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
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
    let (y_lo, y_hi) = y_range(c.points);
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..x_max, y_lo..y_hi)?;
    house_style(&mut chart.configure_mesh())
        .x_desc("Team size (people)")
        .y_desc("Dollars a year")
        .x_label_formatter(&|v| crate::domain::format::group_thousands(v.max(0.0).round() as u64))
        .y_label_formatter(&|v| short_usd(*v))
        .x_labels(8)
        .y_labels(7)
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
const BAR_ROW: u32 = 34;

/// The stack chart's height for `n` apps.
pub fn stack_chart_height(n: usize) -> u32 {
    80 + BAR_ROW * n.clamp(1, STACK_CHART_APPS) as u32
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
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(150)
        .build_cartesian_2d(lo..hi, 0f64..n as f64)?;
    let names: Vec<String> = bars.iter().map(|b| b.name.clone()).collect();
    house_style(&mut chart.configure_mesh())
        .disable_y_mesh()
        .x_desc("Dollars a year")
        .x_label_formatter(&|v| short_usd(*v))
        .y_labels(n * 2 + 1)
        .y_label_formatter(&|v| {
            // Row i spans i..i+1 from the top; its label sits at its middle.
            let row = n as f64 - v - 0.5;
            if (row - row.round()).abs() < 0.01 && row >= 0.0 {
                let name = names.get(row.round() as usize).cloned().unwrap_or_default();
                if name.chars().count() > 20 {
                    format!("{}…", name.chars().take(19).collect::<String>())
                } else {
                    name
                }
            } else {
                String::new()
            }
        })
        .x_labels(7)
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
        .label_style(("sans-serif", 13).into_font().color(&BLACK))
        .axis_desc_style(("sans-serif", 14).into_font().color(&BLACK))
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
        assert!(svg.contains(&format!("viewBox=\"0 0 720 {}\"", stack_chart_height(3))));
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
