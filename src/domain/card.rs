//! Link-preview cards: the 1200×630 picture a chat or social site shows for a shared link,
//! built here as SVG text from the same domain values and `format` helpers the page uses,
//! so a card can never state a different figure. The server rasterises it to PNG
//! (`server::og_image`); nothing here draws pixels or reads fonts.
//!
//! Every string that reaches the SVG passes [`Canvas::fit`] or [`Canvas::wrap`]: whitespace
//! is collapsed, control and invisible formatting characters (bidi overrides, zero-width
//! spaces) are shown as `⟨U+202E⟩` the way `format::echo` shows them in messages, the text is
//! cut to its box on a character boundary with an ellipsis, and finally XML-escaped by
//! [`xml`]. Widths come from the real font's advances through [`TextWidth`], supplied by
//! the server, so a cut name fits the box it was cut for.

use crate::domain::catalog::Catalog;
use crate::domain::compare::{self, Column};
use crate::domain::cost::jump::price_jump;
use crate::domain::cost::PlanCost;
use crate::domain::format;
use crate::domain::recommendation::{advise, conflict_sentence};
use crate::domain::report::{evaluate, verdict_text, Report};
use crate::domain::scenario;
use crate::domain::stack::totals::StackTotals;
use crate::domain::url::Query;
use crate::domain::vendor::{Price, Profile, Tri, Vendor};
use std::fmt::Write;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// The family every card's text is set in; the server loads this font and no other.
pub const FONT_FAMILY: &str = "DejaVu Sans";
const SITE: &str = "SCIM Ledger";

/// Left and right margin: text boxes run from `MARGIN` to `WIDTH - MARGIN`.
const MARGIN: f32 = 60.0;
const FULL: f32 = WIDTH as f32 - 2.0 * MARGIN;

// The site's light theme (style/main.css) and the chart's series colours.
const BG: &str = "#f7f7f4";
const TEXT: &str = "#1d1f23";
const MUTED: &str = "#5a5f69";
const RULE: &str = "#d9d8d0";
const ACCENT: &str = "#0b5cad";
const MANUAL: &str = "#b8501f";
const UPGRADE: &str = "#2e6fb8";
const YES: &str = "#14532d";
const NO: &str = "#7f1d1d";
const UNKNOWN: &str = "#3f3f46";

/// No text on a card is longer than this many characters before it is cut to its box:
/// bounds the work a hostile data file can cause.
const MAX_CHARS: usize = 2_000;

/// How wide text is set, from the font the server renders with.
pub trait TextWidth {
    /// The advance of `c` in em (the font size is one em).
    fn advance(&self, c: char, bold: bool) -> f32;
}

/// Escapes the five XML specials, and replaces the two non-characters XML forbids. The
/// one escape for everything a card prints.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text as a card may show it: one space for any run of whitespace, every control or
/// invisible formatting character made visible (`format::echo`'s rule), at most
/// [`MAX_CHARS`] characters. Not yet escaped.
fn visible(s: &str) -> String {
    let mut flat = String::with_capacity(s.len().min(MAX_CHARS * 4));
    for (i, word) in s.split_whitespace().enumerate() {
        if flat.len() > MAX_CHARS * 4 {
            break;
        }
        if i > 0 {
            flat.push(' ');
        }
        flat.push_str(word);
    }
    format::echo(&flat, MAX_CHARS)
}

/// Horizontal alignment of a line of text at its `x`.
#[derive(Clone, Copy)]
enum Align {
    Start,
    End,
}

/// The look of one line of text.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    fill: &'static str,
}

const LABEL: Style = Style {
    size: 26.0,
    bold: false,
    fill: MUTED,
};

/// An SVG card being written, with the font measure that cuts its text.
struct Canvas<'a> {
    svg: String,
    measure: &'a dyn TextWidth,
}

impl<'a> Canvas<'a> {
    fn new(measure: &'a dyn TextWidth) -> Canvas<'a> {
        let mut svg = String::with_capacity(4096);
        let _ = writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FONT_FAMILY}\">"
        );
        let _ = writeln!(
            svg,
            "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BG}\"/>"
        );
        Canvas { svg, measure }
    }

    fn width(&self, text: &str, style: Style) -> f32 {
        text.chars()
            .map(|c| self.measure.advance(c, style.bold))
            .sum::<f32>()
            * style.size
    }

    /// `text` (already visible) cut to `max` pixels on a character boundary, with an
    /// ellipsis where it was cut.
    fn cut(&self, text: &str, style: Style, max: f32) -> String {
        if self.width(text, style) <= max {
            return text.to_string();
        }
        let budget = max - self.width("…", style);
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            used += self.measure.advance(c, style.bold) * style.size;
            if used > budget {
                break;
            }
            out.push(c);
        }
        let mut out = out.trim_end().to_string();
        out.push('…');
        out
    }

    /// Any string as one line that fits `max` pixels.
    fn fit(&self, text: &str, style: Style, max: f32) -> String {
        self.cut(&visible(text), style, max)
    }

    /// Any string broken at spaces into at most `lines` lines of `max` pixels; what does
    /// not fit ends the last line with an ellipsis.
    fn wrap(&self, text: &str, style: Style, max: f32, lines: usize) -> Vec<String> {
        let text = visible(text);
        let space = self.width(" ", style);
        let mut out: Vec<String> = Vec::new();
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in text.split(' ') {
            let w = self.width(word, style);
            if !line.is_empty() && line_width + space + w > max {
                out.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_width += space;
            }
            line.push_str(word);
            line_width += w;
        }
        if !line.is_empty() {
            out.push(line);
        }
        let lines = lines.max(1);
        if out.len() > lines {
            let rest = out[lines - 1..].join(" ");
            out.truncate(lines - 1);
            // Longer than the box, so `cut` ends it with an ellipsis.
            out.push(rest);
        }
        out.into_iter().map(|l| self.cut(&l, style, max)).collect()
    }

    /// Writes one line of already fitted text.
    fn line(&mut self, id: &str, x: f32, y: f32, style: Style, align: Align, fitted: &str) {
        let weight = if style.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let anchor = match align {
            Align::Start => "",
            Align::End => " text-anchor=\"end\"",
        };
        let id = if id.is_empty() {
            String::new()
        } else {
            format!(" id=\"{id}\"")
        };
        let _ = writeln!(
            self.svg,
            "<text{id} x=\"{x}\" y=\"{y}\" font-size=\"{}\"{weight} fill=\"{}\"{anchor}>{}</text>",
            style.size,
            style.fill,
            xml(fitted)
        );
    }

    /// A line of any text, cut to `max` pixels.
    fn text(&mut self, id: &str, x: f32, y: f32, style: Style, max: f32, text: &str) {
        let fitted = self.fit(text, style, max);
        self.line(id, x, y, style, Align::Start, &fitted);
    }

    /// A line of any text at its size, or smaller (down to two thirds) where that lets the
    /// whole text fit; cut at the smallest size if even that is too long. For figures in
    /// words, which are worth reading whole.
    fn shrinking(&mut self, id: &str, x: f32, y: f32, style: Style, max: f32, text: &str) {
        let text = visible(text);
        let sized = |scale: f32| Style {
            size: (style.size * scale).round(),
            ..style
        };
        let style = [1.0, 0.85, 0.75]
            .into_iter()
            .map(sized)
            .find(|s| self.width(&text, *s) <= max)
            .unwrap_or_else(|| sized(2.0 / 3.0));
        let fitted = self.cut(&text, style, max);
        self.line(id, x, y, style, Align::Start, &fitted);
    }

    /// Lines of any text from `y`, `step` apart, in a group named `id`.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        id: &str,
        y: f32,
        step: f32,
        style: Style,
        max: f32,
        lines: usize,
        text: &str,
    ) {
        let _ = writeln!(self.svg, "<g id=\"{id}\">");
        let mut y = y;
        for l in self.wrap(text, style, max, lines) {
            self.line("", MARGIN, y, style, Align::Start, &l);
            y += step;
        }
        self.svg.push_str("</g>\n");
    }

    /// A small label with a large value under it.
    #[allow(clippy::too_many_arguments)]
    fn figure(
        &mut self,
        id: &str,
        x: f32,
        y: f32,
        max: f32,
        label: &str,
        value: &str,
        style: Style,
    ) {
        self.text("", x, y, LABEL, max, label);
        self.shrinking(id, x, y + style.size + 8.0, style, max, value);
    }

    /// The site's mark and name, the kind of page, and at the foot the date of the data.
    fn frame(&mut self, kind: &str, checked_on: Option<&str>) {
        let _ = writeln!(
            self.svg,
            "<rect x=\"{MARGIN}\" y=\"36\" width=\"52\" height=\"52\" rx=\"11\" fill=\"{ACCENT}\"/>"
        );
        let mark = Style {
            size: 34.0,
            bold: true,
            fill: "#ffffff",
        };
        let _ = writeln!(
            self.svg,
            "<text x=\"{}\" y=\"74\" font-size=\"{}\" font-weight=\"bold\" fill=\"{}\" text-anchor=\"middle\">§</text>",
            MARGIN + 26.0,
            mark.size,
            mark.fill
        );
        let brand = Style {
            size: 32.0,
            bold: true,
            fill: TEXT,
        };
        self.line("site", MARGIN + 68.0, 73.0, brand, Align::Start, SITE);
        let kind_style = Style {
            size: 26.0,
            bold: false,
            fill: MUTED,
        };
        let kind = self.fit(kind, kind_style, 560.0);
        self.line(
            "kind",
            WIDTH as f32 - MARGIN,
            72.0,
            kind_style,
            Align::End,
            &kind,
        );
        let _ = writeln!(
            self.svg,
            "<rect x=\"{MARGIN}\" y=\"548\" width=\"{FULL}\" height=\"2\" fill=\"{RULE}\"/>"
        );
        let foot = Style {
            size: 24.0,
            bold: false,
            fill: MUTED,
        };
        let date = checked_on.map_or_else(|| "unknown".to_string(), format::date);
        let date = self.fit(&format!("Data checked {date}"), foot, 560.0);
        self.line("checked", MARGIN, 594.0, foot, Align::Start, &date);
        self.line(
            "",
            WIDTH as f32 - MARGIN,
            594.0,
            foot,
            Align::End,
            "Prices in US dollars, as published",
        );
    }

    fn title(&mut self, text: &str, size: f32) {
        let style = Style {
            size,
            bold: true,
            fill: TEXT,
        };
        self.text("title", MARGIN, 172.0, style, FULL, text);
    }

    /// The line under the title that says what the figures below are.
    fn subtitle(&mut self, text: &str) {
        self.text("", MARGIN, 222.0, LABEL, FULL, text);
    }

    fn finish(mut self) -> String {
        self.svg.push_str("</svg>\n");
        self.svg
    }
}

fn big(fill: &'static str, size: f32) -> Style {
    Style {
        size,
        bold: true,
        fill,
    }
}

fn people(users: u32) -> String {
    let n = format::group_thousands(users as u64);
    if users == 1 {
        format!("{n} person")
    } else {
        format!("{n} people")
    }
}

/// The calculator's answer for one scenario: the vendor and team size, what staying manual
/// costs a year, what the plan with SCIM costs a year more (or less) than the reader's plan,
/// and the verdict. Every figure is the page's own (`report::evaluate`, `format`).
pub fn calculator(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    vendor: Option<&Vendor>,
    r: &Report,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Cost calculator", checked_on);
    let who = vendor.map_or("Any app", |v| v.name.as_str());
    c.title(&format!("{who} at {}", people(r.scenario.users)), 56.0);
    c.figure(
        "manual",
        MARGIN,
        232.0,
        FULL,
        "Staying manual costs",
        &format!("{} a year", format::usd_whole(r.manual.manual_cost)),
        big(MANUAL, 46.0),
    );
    let (label, value) = match r.upgrade.as_ref() {
        None if vendor.is_some() => (
            "The SCIM upgrade".to_string(),
            "no plans in our data".to_string(),
        ),
        None => (
            "The SCIM upgrade".to_string(),
            "choose a vendor to price it".to_string(),
        ),
        Some(u) => match (u.scim.as_ref(), u.scim_extra) {
            (None, _) => (
                "The SCIM upgrade".to_string(),
                "no plan includes SCIM".to_string(),
            ),
            (Some(_), _) if u.current.has_scim => (
                format!("{} already includes SCIM", u.current.plan),
                "nothing to upgrade".to_string(),
            ),
            (Some(t), Some(d)) => (
                format!("Upgrade to {} from {}, a year", t.plan, u.current.plan),
                format::change(&d),
            ),
            (Some(t), None) => (
                format!("Upgrade to {} from {}", t.plan, u.current.plan),
                if [t, &u.current]
                    .iter()
                    .any(|s| matches!(s.cost, PlanCost::OutOfScope { .. }))
                {
                    "no price at this size: quote needed"
                } else {
                    "sold by quote: price unknown"
                }
                .to_string(),
            ),
        },
    };
    c.figure(
        "upgrade",
        MARGIN,
        334.0,
        FULL,
        &label,
        &value,
        big(UPGRADE, 40.0),
    );
    // The page's own verdict sentence: where it waits on a quote, what it turns on.
    if let Some(sentence) = verdict_text(r) {
        let advice = advise(vendor, r)
            .action
            .map(|a| format!("Our advice: {}. ", a.label()))
            .unwrap_or_default();
        let style = Style {
            size: 26.0,
            bold: false,
            fill: TEXT,
        };
        c.paragraph(
            "verdict",
            440.0,
            34.0,
            style,
            FULL,
            3,
            &format!("{advice}{sentence}"),
        );
    }
    c.finish()
}

/// The comparison's bottom line, as the page leads with it: the cheapest way to get SCIM
/// at the team size in one sentence, then where each vendor stands, in the words of the
/// page's first row (`compare::BottomLine`).
pub fn comparison(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    users: u32,
    columns: &[Column],
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Comparison", checked_on);
    c.title(&format!("Getting SCIM at {}", people(users)), 52.0);
    let columns = &columns[..columns.len().min(compare::MAX_VENDORS)];
    let bottom = compare::bottom_line(columns, users);
    // The sentence the page leads with, in the text's colour: it is the answer.
    let lead = Style {
        fill: TEXT,
        ..LABEL
    };
    c.paragraph("headline", 222.0, 32.0, lead, FULL, 2, &bottom.headline());
    let name = big(TEXT, 28.0);
    let value = big(UPGRADE, 28.0);
    // The names' column is as wide as the longest name, within bounds, so the figures
    // have the rest of the line.
    let names = columns
        .iter()
        .map(|col| c.width(&visible(&col.name), name))
        .fold(160.0, f32::max)
        .min(380.0);
    let mut y = 300.0;
    for (i, col) in columns.iter().enumerate() {
        c.text(&format!("name-{i}"), MARGIN, y, name, names, &col.name);
        let x = MARGIN + names + 36.0;
        c.shrinking(
            &format!("standing-{i}"),
            x,
            y,
            value,
            FULL - names - 36.0,
            &bottom.summary(i),
        );
        y += 38.0;
    }
    if let Some(first) = columns.first() {
        let text = format!(
            "Staying manual (calculator defaults): {} a year",
            format::usd_whole(first.manual_cost)
        );
        c.text("manual", MARGIN, 528.0, LABEL, FULL, &text);
    }
    c.finish()
}

fn tri_fill(t: Tri) -> &'static str {
    match t {
        Tri::Yes => YES,
        Tri::No => NO,
        Tri::Unknown => UNKNOWN,
    }
}

/// A vendor guide: whether the vendor offers SCIM, on which plan, at what price, and the
/// price jump, as the guide's quick facts state them.
pub fn vendor(measure: &dyn TextWidth, checked_on: Option<&str>, v: &Vendor) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Vendor guide", checked_on);
    c.title(&v.name, 60.0);
    let category = match v.profile {
        Profile::Partial => format!("{} · partial profile", v.category_label()),
        Profile::Index => format!("{} · index entry", v.category_label()),
        Profile::Full => v.category_label().to_string(),
    };
    c.text("category", MARGIN, 220.0, LABEL, FULL, &category);
    let half = FULL / 2.0 - 20.0;
    c.figure(
        "scim",
        MARGIN,
        280.0,
        half,
        "SCIM available",
        v.scim.available.label(),
        big(tri_fill(v.scim.available), 42.0),
    );
    let plan = v.scim.plan.as_deref().unwrap_or("Not stated");
    c.figure(
        "plan",
        MARGIN + half + 40.0,
        280.0,
        half,
        "Plan required for SCIM",
        plan,
        big(TEXT, 42.0),
    );
    let price = v
        .scim_plan()
        .map_or_else(|| "Not stated".to_string(), |p| format::price(&p.price));
    c.text("", MARGIN, 380.0, LABEL, FULL, "Price of that plan");
    c.paragraph("price", 420.0, 40.0, big(UPGRADE, 32.0), FULL, 2, &price);
    c.text(
        "jump",
        MARGIN,
        524.0,
        Style {
            size: 28.0,
            bold: false,
            fill: TEXT,
        },
        FULL,
        &format!(
            "Price jump for SCIM: {}",
            format::price_jump(&price_jump(v))
        ),
    );
    c.finish()
}

/// The decision helper's answer for a vendor and the reader's answers: the action that
/// fits and the situation of the decision-table row behind it.
pub fn decision(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    v: &Vendor,
    r: &Report,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Decision helper", checked_on);
    c.title(&format!("{} at {}", v.name, people(r.scenario.users)), 56.0);
    let rec = advise(Some(v), r);
    let action = rec.action.map_or("Depends on your quote", |a| a.label());
    c.figure(
        "action",
        MARGIN,
        232.0,
        FULL,
        "What fits your situation",
        action,
        big(ACCENT, 46.0),
    );
    // Why, in the page's own words: where answers and figures disagree, the page's note;
    // else the row behind the advice; else that the figures chose.
    let row = rec.row.and_then(|i| v.decision.get(i));
    let why = match (rec.conflict.as_ref(), row, rec.action) {
        (Some(conflict), _, _) => conflict_sentence(conflict, v, r),
        (None, Some(row), _) => format!("Matching row: {}", row.situation),
        (None, None, Some(_)) => {
            "No row fits your answers on its own, so this is where the cost figures point."
                .to_string()
        }
        (None, None, None) => {
            "Enter your quote to see which option the figures favour.".to_string()
        }
    };
    let style = Style {
        size: 26.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph("why", 350.0, 36.0, style, FULL, 3, &why);
    let manual = format!(
        "Staying manual: {} a year",
        format::usd_whole(r.manual.manual_cost)
    );
    c.text("manual", MARGIN, 510.0, LABEL, FULL, &manual);
    c.finish()
}

/// The index in one line: how many vendors, how many offer SCIM, how many sell the plan
/// with SCIM only by quote; and the vendors' names.
pub fn home(measure: &dyn TextWidth, checked_on: Option<&str>, vendors: &[Vendor]) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Vendor index", checked_on);
    c.title("What does SCIM really cost?", 60.0);
    let body = Style {
        size: 28.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph(
        "about",
        232.0,
        38.0,
        body,
        FULL,
        2,
        "For each SaaS vendor: the plan that unlocks SCIM and SSO, what it costs, which identity providers really provision, and what staying manual costs.",
    );
    let offer = vendors
        .iter()
        .filter(|v| v.scim.available == Tri::Yes)
        .count();
    let by_quote = vendors
        .iter()
        .filter(|v| matches!(v.scim_plan().map(|p| &p.price), Some(Price::Quote { .. })))
        .count();
    let line = format!(
        "{} vendors · SCIM on {} · its plan sold by quote only on {}",
        format::group_thousands(vendors.len() as u64),
        format::group_thousands(offer as u64),
        format::group_thousands(by_quote as u64),
    );
    c.shrinking("index", MARGIN, 374.0, big(ACCENT, 36.0), FULL, &line);
    let names: Vec<&str> = vendors.iter().map(|v| v.name.as_str()).collect();
    c.paragraph("names", 440.0, 36.0, LABEL, FULL, 2, &names.join(", "));
    c.finish()
}

/// A card with a title and a few lines of text: for pages without figures, and for any
/// address whose query a page would refuse.
pub fn generic(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    kind: &str,
    title: &str,
    text: &str,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame(kind, checked_on);
    c.title(title, 56.0);
    let body = Style {
        size: 30.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph("text", 250.0, 42.0, body, FULL, 5, text);
    c.finish()
}

/// The card for anything else: what the site is.
pub fn site(measure: &dyn TextWidth, checked_on: Option<&str>) -> String {
    generic(
        measure,
        checked_on,
        "",
        "What the SCIM tax really costs",
        "SaaS vendors' plans and prices for single sign-on and SCIM provisioning, which identity providers really provision, and what staying manual costs your team a year.",
    )
}

/// The stack's bottom line: how many apps, what getting SCIM costs a year where prices are
/// known (a range stays one), how many need a quote, and what staying manual costs.
pub fn stack(measure: &dyn TextWidth, checked_on: Option<&str>, t: &StackTotals) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Your stack", checked_on);
    let n = t.apps.len();
    c.title(
        &format!("The SCIM tax of {}", format::count(n, "app", "apps")),
        52.0,
    );
    c.subtitle("Getting SCIM, a year, where prices are known");
    c.shrinking(
        "known-extra",
        MARGIN,
        282.0,
        big(UPGRADE, 50.0),
        FULL,
        &format::change(&t.scim_extra),
    );
    let open = t.needs_quote.len() + t.unknown_price.len();
    let rest = if open == 0 {
        "Every app's price is known.".to_string()
    } else {
        format!(
            "Not in that total: {} needing a quote or a price.",
            format::count(open, "app", "apps")
        )
    };
    c.text("open", MARGIN, 340.0, LABEL, FULL, &rest);
    c.text(
        "",
        MARGIN,
        410.0,
        LABEL,
        FULL,
        "Staying manual, a year, every app",
    );
    c.shrinking(
        "manual",
        MARGIN,
        470.0,
        big(MANUAL, 50.0),
        FULL,
        &format::usd_whole(t.manual_cost),
    );
    c.finish()
}

/// The card of the page at `page` (a path) for its `query`, read by the page's own parser.
/// A query the page would answer with 400 (a bad number, an unknown vendor) and a page
/// that does not exist get [`site`]'s card.
pub fn for_page(catalog: &Catalog, page: &str, query: &Query, measure: &dyn TextWidth) -> String {
    let checked_on = catalog.checked_on();
    let fallback = || site(measure, checked_on);
    match page {
        "/" => home(measure, checked_on, &catalog.vendors),
        "/calculator" => {
            let (s, issues) = scenario::parse(query);
            let vendor = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug));
            let r = evaluate(vendor, s, issues);
            if !r.issues.is_empty() {
                return fallback();
            }
            calculator(measure, checked_on, vendor, &r)
        }
        "/compare" => {
            let sel = compare::parse(query);
            let found: Vec<&Vendor> = sel.slugs.iter().filter_map(|s| catalog.vendor(s)).collect();
            if !sel.issues.is_empty() || found.len() != sel.slugs.len() || found.is_empty() {
                return fallback();
            }
            let columns: Vec<Column> = found
                .iter()
                .map(|v| compare::column(v, sel.users, &sel.answers))
                .collect();
            comparison(measure, checked_on, sel.users, &columns)
        }
        "/stack" => {
            let r = crate::domain::stack::report::report(catalog, query);
            if r.is_bad_input() || r.totals.apps.is_empty() {
                return fallback();
            }
            stack(measure, checked_on, &r.totals)
        }
        "/decide" => {
            let (s, issues) = scenario::parse(query);
            let Some(v) = s.vendor.as_deref().and_then(|slug| catalog.vendor(slug)) else {
                return fallback();
            };
            let r = evaluate(Some(v), s, issues);
            if !r.issues.is_empty() {
                return fallback();
            }
            self::decision(measure, checked_on, v, &r)
        }
        _ => {
            let Some(rest) = page.strip_prefix("/vendors/") else {
                return fallback();
            };
            match rest.split_once('/') {
                None => catalog
                    .vendor(rest)
                    .map_or_else(fallback, |v| vendor(measure, checked_on, v)),
                Some((slug, "api")) => match (catalog.vendor(slug), catalog.api_guide(slug)) {
                    (Some(v), Some(g)) => generic(
                        measure,
                        checked_on,
                        "API guide",
                        &g.title,
                        &format!(
                            "For teams that script {}'s accounts: authentication, scopes, endpoints, pagination, rate limits and the pitfalls, step by step.",
                            v.name
                        ),
                    ),
                    _ => fallback(),
                },
                Some(_) => fallback(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character half an em wide, bold or not.
    struct Half;

    impl TextWidth for Half {
        fn advance(&self, _: char, _: bool) -> f32 {
            0.5
        }
    }

    fn canvas() -> Canvas<'static> {
        Canvas::new(&Half)
    }

    const TEN: Style = Style {
        size: 10.0,
        bold: false,
        fill: TEXT,
    };

    #[test]
    fn xml_specials_are_escaped() {
        assert_eq!(
            xml("<a href='x'>\"&\"</a>\u{FFFF}"),
            "&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;\u{FFFD}"
        );
    }

    #[test]
    fn invisible_characters_are_shown_and_whitespace_collapsed() {
        assert_eq!(visible("edom\u{202E}\n\t x\u{0}"), "edom⟨U+202E⟩ x⟨U+0000⟩");
        let long = "x".repeat(MAX_CHARS * 3);
        assert_eq!(visible(&long).chars().count(), MAX_CHARS + 1);
    }

    #[test]
    fn text_is_cut_to_its_box_on_a_character_boundary() {
        let c = canvas();
        // 5 px a character: 40 px hold 8, or 7 and the ellipsis.
        assert_eq!(c.fit("Mode", TEN, 40.0), "Mode");
        assert_eq!(c.fit("Monday.com Work OS", TEN, 40.0), "Monday.…");
        assert_eq!(c.fit("ééééééééééé", TEN, 40.0), "ééééééé…");
        // A cut never leaves a space before the ellipsis.
        assert_eq!(c.fit("abcdef ghij", TEN, 40.0), "abcdef…");
        for s in ["", "a", "<script>alert(1)</script>", &"Ж".repeat(300)] {
            let cut = c.fit(s, TEN, 40.0);
            assert!(c.width(&cut, TEN) <= 40.0, "{cut}");
        }
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_end_with_an_ellipsis() {
        let c = canvas();
        assert_eq!(
            c.wrap("one two three four", TEN, 45.0, 3),
            ["one two", "three", "four"]
        );
        assert_eq!(
            c.wrap("one two three four", TEN, 45.0, 2),
            ["one two", "three fo…"]
        );
        let long = c.wrap(&"w".repeat(100), TEN, 45.0, 2);
        assert_eq!(long, ["wwwwwwww…"]);
        assert!(c.wrap("", TEN, 45.0, 2).len() <= 1);
    }

    #[test]
    fn figures_shrink_to_be_read_whole_before_they_are_cut() {
        let mut c = canvas();
        let style = Style {
            size: 30.0,
            bold: true,
            fill: TEXT,
        };
        // 15 px a character at 30 px: 10 characters fit 150 px; 12 need three quarters (23 px).
        c.shrinking("a", 0.0, 0.0, style, 150.0, "0123456789");
        c.shrinking("b", 0.0, 0.0, style, 150.0, "0123456789ab");
        c.shrinking("c", 0.0, 0.0, style, 150.0, &"x".repeat(40));
        let svg = c.finish();
        assert!(
            svg.contains("id=\"a\" x=\"0\" y=\"0\" font-size=\"30\""),
            "{svg}"
        );
        assert!(
            svg.contains("id=\"b\" x=\"0\" y=\"0\" font-size=\"23\""),
            "{svg}"
        );
        // Too long at two thirds (20 px): cut there, 14 characters and the ellipsis.
        assert!(
            svg.contains(&format!(
                "font-size=\"20\" font-weight=\"bold\" fill=\"{TEXT}\">{}…<",
                "x".repeat(14)
            )),
            "{svg}"
        );
    }

    #[test]
    fn a_hostile_string_stays_text() {
        let svg = generic(
            &Half,
            Some("2026-01-11"),
            "<k>",
            "</text><script>x</script>",
            "a & b",
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(svg.contains("a &amp; b"));
        assert!(svg.contains("Data checked 11 January 2026"));
    }
}
