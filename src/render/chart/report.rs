//! The calculator's cost chart (server only): staying manual and the upgrade's extra spend
//! across team sizes, the reader's team marked.

use super::axis::{across, bottom_area, short_usd, side_area, ticks, TickAxis, Ticks, Y_LIMIT};
use super::style::{
    escape, finish_sized, house_style, text_height, text_width, HEIGHT, MANUAL, MARGIN, UPGRADE,
    WIDTH,
};
use crate::domain::cost::Span;
use crate::domain::report::{chart_points, headline, CostPoint, ScenarioReport};
use crate::domain::vendor::Vendor;
use plotters::prelude::*;

/// A cost chart's figures, marker and title.
pub struct CostChart<'a> {
    pub points: &'a [CostPoint],
    /// The reader's team size, marked with a vertical line.
    pub marker: u32,
    /// Text alternative, also the SVG's `<title>`.
    pub title: &'a str,
}

/// The chart of a calculator report: both costs across team sizes, the reader's marked.
pub fn report_chart(vendor: Option<&Vendor>, r: &ScenarioReport) -> String {
    let points = chart_points(vendor, &r.scenario);
    cost_chart(&CostChart {
        points: &points,
        marker: r.scenario.users,
        title: &headline(r, vendor.map(|v| v.name.as_str())),
    })
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

/// The most people the chart's team-size axis reaches.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::stack::{stack_chart, StackBar};
    use crate::render::chart::style::{MIN_TEXT_PX, PHONE_CHART_PX};

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
        let css = include_str!("../../../style/main.css");
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
