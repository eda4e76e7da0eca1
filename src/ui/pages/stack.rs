//! `/stack?apps=slack:250,mode:40`: the SCIM tax across every app a reader runs, what
//! staying manual costs, and where to start.
//!
//! The whole page is one form posted to `/stack` (`server::stack_form`), which answers with
//! a redirect to the stack's address: without JavaScript every change is one button away,
//! and the address bar always holds the stack. With JavaScript the `LiveStack` island
//! posts the same form in the background and swaps in the new page.

use crate::domain::catalog::Catalog;
use crate::domain::cost::upgrade::default_current_plan;
use crate::domain::format::{self, group_thousands};
use crate::domain::routes::Route;
use crate::domain::scenario::{self, Field};
use crate::domain::stack::form::{
    APP, DROP, LINE_NAME, LINE_SEATS, PLAN, QUOTE, REMOVE, SEATS, USE,
};
use crate::domain::stack::input::StackApp;
use crate::domain::stack::report::{
    self, extra_text, verdict_short, PendingLine, StackReport, Waiting, LIST, NOTES,
};
use crate::domain::stack::totals::{AppTax, ScimExtra};
use crate::domain::url::Query;
use crate::ui::components::badges::StatusBadge;
use crate::ui::components::layout::{InputErrors, PageHeader};
use crate::ui::components::link_preview::PageText;
use crate::ui::components::scim_routes::{CompareWith, ScimRouteList};
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::live_stack::{LiveStack, FORM_ID, LIVE_ID};
use crate::ui::pages::use_catalog;
use leptos::prelude::*;

const DESCRIPTION: &str = "The SCIM tax across your whole stack: what automating each app costs, what staying manual costs, and where to start.";

/// The example a first visit offers.
fn example() -> String {
    Route::Stack.link(&[], "apps=bitwarden:250,amplitude:60,mode:40,ironclad:12")
}

#[component]
pub fn StackPage() -> impl IntoView {
    let query = use_address_bar().search();
    view! {
        <PageHeader
            title="Your stack"
            lede="Every app you run, side by side: what getting SCIM costs for each, what staying manual costs, and where automating is cheapest. The address bar holds the whole stack, so the link shares it."
        />
        <StackForm data=load(&use_catalog(), &query)/>
    }
}

/// A stack address read whole (`domain::stack::report`), with what the page's form needs
/// beside it: each app's plans, and the names of the vendors a waiting line may be.
#[derive(Clone)]
struct StackData {
    report: StackReport,
    /// Per app of the stack, by slug: its plans' names, cheapest first, and the name of
    /// the plan it is costed on when the reader names none.
    plans: Vec<(String, Vec<String>, Option<String>)>,
    /// Display names of every vendor a waiting line mentions, by slug.
    names: Vec<(String, String)>,
    /// SCIM tax against manual cost per app, largest first (SVG, drawn here).
    chart: String,
    /// The lines paying the most tax, with what their categories offer instead.
    routes: Vec<report::CheaperRoutes>,
}

impl StackData {
    fn name_of<'a>(&'a self, slug: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|(s, _)| s == slug)
            .map_or(slug, |(_, n)| n.as_str())
    }
}

fn load(catalog: &Catalog, query: &str) -> StackData {
    let report = report::report(catalog, &Query::parse(query));
    let plans = report
        .stack
        .apps
        .iter()
        .filter_map(|a| catalog.vendor(&a.slug))
        .map(|v| {
            (
                v.slug.clone(),
                v.plans.iter().map(|p| p.name.clone()).collect(),
                default_current_plan(v).map(|p| p.name.clone()),
            )
        })
        .collect();
    let mut names: Vec<(String, String)> = Vec::new();
    for p in &report.pending {
        let slugs: &[String] = match &p.waiting {
            Waiting::NoMatch { suggestions } => suggestions,
            Waiting::Ambiguous { candidates } => candidates,
            Waiting::NeedsSeats { slug } => std::slice::from_ref(slug),
            Waiting::Unreadable { .. } => &[],
        };
        for s in slugs {
            if let Some(v) = catalog.vendor(s) {
                if !names.iter().any(|(k, _)| k == s) {
                    names.push((s.clone(), v.name.clone()));
                }
            }
        }
    }
    StackData {
        routes: report::cheaper_routes(catalog, &report.totals),
        chart: chart(&report),
        report,
        plans,
        names,
    }
}

/// SCIM tax against manual cost per app, largest first, drawn on the server (the browser
/// never renders this page).
fn chart(report: &StackReport) -> String {
    #[cfg(feature = "ssr")]
    {
        use crate::domain::cost::Span;
        use crate::render::chart::{stack_chart, StackBar};
        let bars: Vec<StackBar> = report
            .totals
            .apps
            .iter()
            .map(|a| StackBar {
                name: a.name.clone(),
                manual: a.manual.manual_cost,
                extra: match &a.scim_extra {
                    ScimExtra::Known { annual, .. } => Some(*annual),
                    ScimExtra::Included => Some(Span::point(0.0)),
                    _ => None,
                },
            })
            .collect();
        if !bars.is_empty() {
            return stack_chart(
                &bars,
                "Getting SCIM against staying manual, a year, per app",
            );
        }
    }
    let _ = report;
    String::new()
}

/// The title and preview text: the stack's totals in a sentence.
fn summary(r: &StackReport) -> (String, String) {
    let t = &r.totals;
    let n = t.apps.len();
    if n == 0 {
        return ("Your stack".into(), DESCRIPTION.into());
    }
    let apps = format::count(n, "app", "apps");
    let mut text = format!(
        "{apps}: getting SCIM costs {} a year where prices are known",
        format::change(&t.scim_extra)
    );
    let open = t.needs_quote.len() + t.unknown_price.len();
    if open > 0 {
        text += &format!(
            ", plus {} needing a quote or a price",
            format::count(open, "app", "apps")
        );
    }
    text += &format!(
        "; staying manual costs {} a year.",
        format::usd_whole(t.manual_cost)
    );
    (format!("Stack of {apps}"), text)
}

#[component]
fn StackForm(data: StackData) -> impl IntoView {
    let r = &data.report;
    bad_input_when(r.is_bad_input());
    let (title, description) = summary(r);
    let messages: Vec<String> = r.issues.iter().map(|i| i.message.clone()).collect();
    let notes = r.notes.join("\n");
    let data = StoredValue::new(data.clone());
    view! {
        <PageText title description/>
        <LiveStack/>
        <form id=FORM_ID class="stack-form" method="post" action=Route::Stack.path()>
            // Enter in any field applies the form, not the first row's "Remove".
            <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">"Update"</button>
            <div id=LIVE_ID>
                <InputErrors messages/>
                {data.with_value(|d| view! {
                    <Totals r=d.report.clone()/>
                    <WaitingLines data=d.clone()/>
                    <Notes notes=d.report.notes.clone()/>
                    <AppsTable data=d.clone()/>
                    <CheapestWins r=d.report.clone()/>
                    <CheaperRoutesCard routes=d.routes.clone()/>
                    <StackChart svg=d.chart.clone() shown=d.report.totals.apps.len()/>
                    <Share r=d.report.clone()/>
                })}
                <input type="hidden" name=NOTES value=notes/>
            </div>
            <AddApps/>
            <TeamInputs/>
        </form>
    }
}

#[component]
fn Totals(r: StackReport) -> impl IntoView {
    let t = &r.totals;
    if t.apps.is_empty() {
        return view! {
            <section class="card stack-empty" aria-labelledby="stack-totals-title">
                <h2 id="stack-totals-title">"No apps yet"</h2>
                <p>"Paste your apps below, one a line with their seats (“Slack, 250”), or upload an export from your identity provider. Or start from "<a href=example()>"an example stack"</a>"."</p>
            </section>
        }
        .into_any();
    }
    let years = r.stack.years;
    let names = |slugs: &[String]| -> String {
        slugs
            .iter()
            .map(|s| {
                t.apps
                    .iter()
                    .find(|a| &a.slug == s)
                    .map_or(s.clone(), |a| a.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let quotes = (!t.needs_quote.is_empty()).then(|| names(&t.needs_quote));
    let unknown = (!t.unknown_price.is_empty()).then(|| names(&t.unknown_price));
    let known_apps = t
        .apps
        .iter()
        .filter(|a| matches!(a.scim_extra, ScimExtra::Known { .. }))
        .count();
    view! {
        <section class="card stack-totals" aria-labelledby="stack-totals-title">
            <h2 id="stack-totals-title">{format!("Your stack: {}", format::count(t.apps.len(), "app", "apps"))}</h2>
            <dl class="totals">
                <div>
                    <dt>"Getting SCIM, a year (known prices)"</dt>
                    <dd class="num" data-total="known-extra">{format::change(&t.scim_extra)}</dd>
                    <dd class="sub">{format!("across {} with a price we know", format::count(known_apps, "app", "apps"))}</dd>
                </div>
                <div>
                    <dt>"Needs a quote"</dt>
                    <dd data-total="needs-quote">{quotes.unwrap_or_else(|| "none".into())}</dd>
                    <dd class="sub">"not in the total: we never guess a quote"</dd>
                </div>
                {unknown.map(|u| view! {
                    <div>
                        <dt>"Price unknown"</dt>
                        <dd data-total="unknown-price">{u}</dd>
                        <dd class="sub">"not in the total"</dd>
                    </div>
                })}
                <div>
                    <dt>"Staying manual, a year"</dt>
                    <dd class="num" data-total="manual">{format::usd_whole(t.manual_cost)}</dd>
                    <dd class="sub">{format!("every app, at its seats; {} over {}", format::usd_whole(t.manual_cost * years as f64), format::count(years as usize, "year", "years"))}</dd>
                </div>
            </dl>
        </section>
    }
    .into_any()
}

/// Lines of a pasted list not in the stack yet, each with a way to settle it.
#[component]
fn WaitingLines(data: StackData) -> impl IntoView {
    let pending = data.report.pending.clone();
    (!pending.is_empty()).then(|| {
        let rows = pending
            .into_iter()
            .enumerate()
            .map(|(i, p)| view! { <WaitingLine i p data=data.clone()/> })
            .collect_view();
        view! {
            <section class="card waiting" aria-labelledby="waiting-title">
                <h2 id="waiting-title">"Lines to settle"</h2>
                <p class="hint">"These lines are not in the stack yet. Pick the vendor a line means, correct its name or seats and press “Update”, or leave it out."</p>
                <ol class="waiting-lines">{rows}</ol>
            </section>
        }
    })
}

#[component]
fn WaitingLine(i: usize, p: PendingLine, data: StackData) -> impl IntoView {
    let why = match &p.waiting {
        Waiting::NoMatch { suggestions } if suggestions.is_empty() => {
            "We have no vendor by this name.".to_string()
        }
        Waiting::NoMatch { .. } => "We have no vendor by this name. Did you mean:".into(),
        Waiting::Ambiguous { .. } => "This name could be another product. Is it:".into(),
        Waiting::NeedsSeats { slug } => format!("{}: how many seats?", data.name_of(slug)),
        Waiting::Unreadable { message } => message.clone(),
    };
    let picks: Vec<String> = match &p.waiting {
        Waiting::NoMatch { suggestions } => suggestions.clone(),
        Waiting::Ambiguous { candidates } => candidates.clone(),
        _ => Vec::new(),
    };
    let (name_id, seats_id) = (format!("line-{i}-name"), format!("line-{i}-seats"));
    let shown = format::echo(&p.name, 80);
    view! {
        <li class="waiting-line" data-line=i>
            <p class="why"><strong>{format!("“{shown}”")}</strong>" "{why}
                {picks.into_iter().map(|slug| {
                    let name = data.name_of(&slug).to_string();
                    view! { " "<button type="submit" class="pick" name=USE value=format!("{i}:{slug}")>{name}</button> }
                }).collect_view()}
            </p>
            <div class="line-fields">
                <div class="field">
                    <label for=name_id.clone()>"Name"</label>
                    <input id=name_id name=LINE_NAME type="text" value=p.name.clone()/>
                </div>
                <div class="field seats">
                    <label for=seats_id.clone()>"Seats"</label>
                    <input id=seats_id name=LINE_SEATS type="text" inputmode="numeric" value=p.seats.clone()/>
                </div>
                <button type="submit" class="secondary" name=DROP value=i.to_string()>"Leave out"</button>
            </div>
        </li>
    }
}

#[component]
fn Notes(notes: Vec<String>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <details class="card notes">
                <summary>{format!("What your list merged or left out ({})", notes.len())}</summary>
                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </details>
        }
    })
}

/// The apps, ranked by SCIM tax, each row editable (seats, plan, own quote).
#[component]
fn AppsTable(data: StackData) -> impl IntoView {
    let r = &data.report;
    if r.totals.apps.is_empty() {
        return ().into_any();
    }
    let years = r.stack.years;
    let rows = r
        .totals
        .apps
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let given = r
                .stack
                .apps
                .iter()
                .find(|s| s.slug == a.slug)
                .cloned()
                .unwrap_or_else(|| StackApp::new(&a.slug, a.seats));
            let plans = data
                .plans
                .iter()
                .find(|(s, _, _)| *s == a.slug)
                .cloned()
                .unwrap_or_default();
            view! { <AppRow i a=a.clone() given plans years/> }
        })
        .collect_view();
    view! {
        <section class="card stack-apps" aria-labelledby="stack-apps-title">
            <h2 id="stack-apps-title">"App by app, largest SCIM tax first"</h2>
            <div class="table-wrap">
                <table class="stack">
                    <caption class="visually-hidden">"Each app of the stack: seats, SCIM status, the plan that unlocks SCIM, the extra a year to get there, staying manual a year, and the verdict"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"App"</th>
                            <th scope="col" class="col-seats">"Seats"</th>
                            <th scope="col">"SCIM"</th>
                            <th scope="col">"Your plan → SCIM plan"</th>
                            <th scope="col" class="num">"Getting SCIM, a year"</th>
                            <th scope="col" class="num">"Staying manual, a year"</th>
                            <th scope="col">{format!("Verdict ({})", format::count(years as usize, "year", "years"))}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">"Getting SCIM: the SCIM plan's yearly price minus your plan's, at the app's seats, from list prices unless you give your quote; a range stays a range. Staying manual: the team-wide inputs below, at the app's seats. Change seats, plans or quotes and press “Update”."</p>
        </section>
    }
    .into_any()
}

#[component]
fn AppRow(
    i: usize,
    a: AppTax,
    /// The app as the reader gave it: their plan and quote.
    given: StackApp,
    plans: (String, Vec<String>, Option<String>),
    years: u32,
) -> impl IntoView {
    let (chosen_plan, quote) = (given.plan.unwrap_or_default(), given.quote);
    let usual = plans.2.clone().unwrap_or_else(|| "usual plan".into());
    let (seats_id, plan_id, quote_id) = (
        format!("app-{i}-seats"),
        format!("app-{i}-plan"),
        format!("app-{i}-quote"),
    );
    let options = plans
        .1
        .iter()
        .map(|p| {
            let selected = *p == chosen_plan;
            view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
        })
        .collect_view();
    let extra = extra_text(&a.scim_extra);
    let per_seat = a
        .scim_extra_per_seat_month
        .map(|s| format!("{} a seat a month", format::change(&s)));
    view! {
        <tr data-app=a.slug.clone()>
            <th scope="row">
                <a href=Route::Vendor.fill(&[&a.slug])>{a.name.clone()}</a>
                <input type="hidden" name=APP value=a.slug.clone()/>
                <button type="submit" class="remove no-print" name=REMOVE value=a.slug.clone() aria-label=format!("Remove {}", a.name)>"Remove"</button>
            </th>
            <td class="col-seats" data-label="Seats">
                <label class="visually-hidden" for=seats_id.clone()>{format!("Seats of {}", a.name)}</label>
                <input id=seats_id name=SEATS type="text" inputmode="numeric" size="6" value=a.seats.to_string()/>
            </td>
            <td data-label="SCIM"><StatusBadge value=a.status/></td>
            <td data-label="Your plan → SCIM plan">
                <label class="visually-hidden" for=plan_id.clone()>{format!("Your plan at {}", a.name)}</label>
                <select id=plan_id name=PLAN>
                    <option value="" selected=chosen_plan.is_empty()>{format!("Usual: {usual}")}</option>
                    {options}
                </select>
                <span class="sub">{format!("→ {}", a.scim_plan.clone().unwrap_or_else(|| "no plan named".into()))}</span>
            </td>
            <td class="num" data-label="Getting SCIM, a year">
                <span data-cell="extra">{extra}</span>
                {per_seat.map(|p| view! { <span class="sub">{p}</span> })}
                <label class="sub" for=quote_id.clone()>"Your quote, $ a year"</label>
                <input id=quote_id name=QUOTE type="text" inputmode="decimal" size="8" value=quote.map(format::plain).unwrap_or_default()/>
            </td>
            <td class="num" data-cell="manual" data-label="Staying manual, a year">{format::usd_whole(a.manual.manual_cost)}</td>
            <td data-cell="verdict" data-label="Verdict">{verdict_short(&a.outcome, years)}</td>
        </tr>
    }
}

#[component]
fn CheapestWins(r: StackReport) -> impl IntoView {
    let t = &r.totals;
    (!t.cheapest_wins.is_empty()).then(|| {
        let items = t
            .cheapest_wins
            .iter()
            .filter_map(|s| t.apps.iter().find(|a| &a.slug == s))
            .map(|a| {
                let why = match (&a.scim_extra, a.scim_extra_per_seat_month) {
                    (ScimExtra::Included, _) => "SCIM is already in your plan: turn it on.".to_string(),
                    (_, Some(per)) => format!("{} a seat a month to get SCIM.", format::change(&per)),
                    _ => extra_text(&a.scim_extra),
                };
                view! { <li><a href=Route::Vendor.fill(&[&a.slug])>{a.name.clone()}</a>": "{why}</li> }
            })
            .collect_view();
        view! {
            <section class="card cheapest" aria-labelledby="cheapest-title">
                <h2 id="cheapest-title">"Where to start: the cheapest wins"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// The lines that pay the most SCIM tax, each with the vendors of its category that
/// include SCIM or sell it for less per user, and a comparison at the app's seats.
#[component]
fn CheaperRoutesCard(routes: Vec<report::CheaperRoutes>) -> impl IntoView {
    (!routes.is_empty()).then(|| {
        let rule = routes[0].alternatives.rule.clone();
        view! {
            <section class="card cheaper-routes" aria-labelledby="cheaper-routes-title">
                <h2 id="cheaper-routes-title">"Cheaper routes for the apps that pay the most tax"</h2>
                {routes.into_iter().map(|r| {
                    let compare = CompareWith { slug: r.slug.clone(), name: r.name.clone(), users: r.seats };
                    view! {
                        <h3>
                            <a href=Route::Vendor.fill(&[&r.slug])>{r.name.clone()}</a>
                            {format!(": SCIM adds {} a year", format::span(&r.tax))}
                        </h3>
                        <ScimRouteList items=r.alternatives.offered compare=Some(compare)/>
                        {r.alternatives.not_comparable.map(|t| view! { <p class="note">{t}</p> })}
                    }
                }).collect_view()}
                <p class="rule"><strong>"How they are picked: "</strong>{rule}</p>
            </section>
        }
    })
}

/// The chart, drawn on the server; its legend is HTML so it follows the page's theme.
#[component]
fn StackChart(svg: String, shown: usize) -> impl IntoView {
    use crate::domain::drawing::{MANUAL_CSS, STACK_CHART_APPS, UPGRADE_CSS};
    (!svg.is_empty()).then(|| {
        let more = (shown > STACK_CHART_APPS).then(|| {
            format!(" The {STACK_CHART_APPS} apps with the largest SCIM tax are drawn; the table lists all {shown}.")
        });
        view! {
            <figure class="card chart" aria-labelledby="stack-chart-caption">
                <ul class="legend" aria-hidden="true">
                    <li><span class="swatch band" style=format!("background:{MANUAL_CSS}")></span>"Staying manual, a year"</li>
                    <li><span class="swatch band" style=format!("background:{UPGRADE_CSS}")></span>"Getting SCIM, a year: solid to the low end, light across the range"</li>
                </ul>
                <div class="chart-svg" inner_html=svg></div>
                <figcaption id="stack-chart-caption">
                    "Each app, largest SCIM tax first: the orange bar is what staying manual costs a year, the blue bar what getting SCIM adds a year (a range runs light to its high end, an open-ended price to the edge; an app needing a quote has no blue bar)."
                    {more}
                </figcaption>
            </figure>
        }
    })
}

/// The link, the downloads and printing.
#[component]
fn Share(r: StackReport) -> impl IntoView {
    let q = r.stack.to_query();
    let link = Route::Stack.link(&[], &q);
    (!r.totals.apps.is_empty()).then(|| {
        view! {
            <p class="share no-print">
                <a class="deep-link" href=link.clone()>"Link to this stack"</a>
                " · "<a href=Route::StackCsv.link(&[], &q) download="">"Download CSV"</a>
                " · "<a href=Route::ApiStack.link(&[], &q)>"JSON"</a>
                " · "<button type="button" class="copy-link" hidden=true data-copy=link>"Copy link"</button>
            </p>
        }
    })
}

#[component]
fn AddApps() -> impl IntoView {
    view! {
        <fieldset class="card add-apps">
            <legend>"Add apps"</legend>
            <div class="field">
                <label for="stack-list">"One app a line, or several parted by commas, each with its seats: “Slack, 250” or “Slack 250, Zoom 40”. A spreadsheet paste (name, tab, seats) or an export from Okta or Entra ID works too."</label>
                <textarea id="stack-list" name=LIST rows="6" spellcheck="false" placeholder="Slack, 250\nZoom, 250\nMode, 40"></textarea>
            </div>
            <p class="file-pick" hidden=true>
                <label for="stack-file">"Or choose a file (CSV or text): "</label>
                <input id="stack-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain"/>
            </p>
            <p class="form-actions"><button type="submit">"Add to the stack"</button></p>
        </fieldset>
    }
}

fn field_input(f: &Field, value: Option<String>) -> impl IntoView {
    let id = format!("stack-{}", f.key);
    let value = value.unwrap_or_else(|| f.default.map(format::plain).unwrap_or_default());
    view! {
        <div class="field">
            <label for=id.clone()>{f.label}" "<span class="unit">{f.unit}</span></label>
            <input id=id name=f.key type="text" inputmode="decimal" value=value/>
        </div>
    }
}

/// The calculator's manual-cost inputs, shared by every app, and the horizon.
#[component]
fn TeamInputs() -> impl IntoView {
    let address = use_address_bar();
    let fields = scenario::MANUAL_FIELDS
        .iter()
        .chain([&scenario::YEARS])
        .map(|f| field_input(f, address.get(f.key)))
        .collect_view();
    view! {
        <fieldset class="card team-inputs">
            <legend>"Team-wide inputs"</legend>
            <p class="hint">{format!("Shared by every app; each app counts its seats as the people it serves. The defaults are the calculator's (from a {}-person example); open the calculator to see where each comes from.", group_thousands(crate::domain::cost::manual::SOURCE_TEAM as u64))}</p>
            <div class="fields">{fields}</div>
            <p class="form-actions"><button type="submit">"Update"</button></p>
        </fieldset>
    }
}
