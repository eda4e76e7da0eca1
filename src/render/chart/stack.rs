//! The stack page's chart (server only): one row per app, what staying manual costs a year
//! against what getting SCIM adds.

use super::axis::{across, bottom_area, short_usd, TickAxis, Y_LIMIT};
use super::style::{escape, finish_sized, house_style, text_width, MANUAL, MARGIN, UPGRADE, WIDTH};
use crate::domain::cost::Span;
use crate::domain::drawing::STACK_CHART_APPS;
use plotters::prelude::*;

/// One app of the stack chart: what staying manual costs a year, and what getting SCIM
/// adds a year (a range, an open top, or `None` where no price is known).
pub struct StackBar {
    pub name: String,
    pub manual: f64,
    pub extra: Option<Span>,
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::style::WIDTH;

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
}
