//! What the calculator shows: the verdict, the two cost tables, the chart and the link.
//! Each figure sits next to the formula that produced it, with the inputs filled in.

use crate::domain::cost::upgrade::{PlanSide, UpgradeCost};
use crate::domain::cost::verdict::{Outcome, Verdict, BREAK_EVEN_LIMIT};
use crate::domain::cost::{PlanCost, PriceSource};
use crate::domain::format::{self, group_thousands, plain, usd, usd_whole};
use crate::domain::keys::Key;
use crate::domain::recommendation::advise;
use crate::domain::report::{
    headline, missing_quote, seat_source_words, verdict_text, Missing, ScenarioReport,
};
use crate::domain::scenario::{self, CURRENT_QUOTE, QUOTE};
use crate::domain::vendor::Vendor;
use crate::ui::islands::announcement::Announcement;
use crate::ui::islands::live_form::LiveForm;
use leptos::either::Either;
use leptos::prelude::*;

fn hours(x: f64) -> String {
    group_thousands(x.round().max(0.0) as u64)
}

/// One row: what, how much, and how it was worked out.
#[component]
fn FigureRow(
    label: &'static str,
    value: String,
    formula: String,
    #[prop(optional)] total: bool,
    #[prop(optional)] key: &'static str,
) -> impl IntoView {
    view! {
        <tr class:total=total data-key=key>
            <th scope="row">{label}</th>
            <td class="num">{value}</td>
            <td class="formula">{formula}</td>
        </tr>
    }
}

#[component]
pub fn ManualCostTable(report: Memo<ScenarioReport>) -> impl IntoView {
    move || {
        let r = report.get();
        let m = r.manual;
        let i = r.scenario.manual;
        view! {
            <section class="card manual-cost" aria-labelledby="manual-cost-title">
                <h3 id="manual-cost-title">"What staying manual costs a year"</h3>
                <table class="figures">
                    <thead><tr><th scope="col">"Figure"</th><th scope="col" class="num">"Value"</th><th scope="col">"How it is worked out"</th></tr></thead>
                    <tbody>
                        <FigureRow key="orphaned_accounts" label="Orphaned accounts (ex-employees with access)" value=group_thousands(m.orphaned_accounts)
                            formula=format!("{} leavers × {} % missed, rounded", plain(m.leavers), plain(i.orphan_pct))/>
                        <FigureRow key="unused_licenses" label="Unused licences" value=group_thousands(m.unused_licenses)
                            formula=format!("{} seats × {} % unused, rounded", group_thousands(m.users as u64), plain(i.unused_pct))/>
                        <FigureRow key="it_hours" label="IT hours a year" value=format!("{} hours", hours(m.it_hours))
                            formula=format!("({} joiners + {} leavers) × {} min ÷ 60", plain(m.joiners), plain(m.leavers), plain(i.minutes_per_change))/>
                        <FigureRow key="unused_license_cost" label="Unused-licence cost" value=usd_whole(m.unused_license_cost)
                            formula=format!("{} licence{} × {} × 12 months ({})", group_thousands(m.unused_licenses), if m.unused_licenses == 1 { "" } else { "s" }, usd(i.seat_price_monthly), seat_source_words(&r.seat_source))/>
                        <FigureRow key="it_labor_cost" label="IT labour cost" value=usd_whole(m.it_labor_cost)
                            formula=format!("{} hours × {} an hour", plain((m.it_hours * 100.0).round() / 100.0), usd(i.hourly_cost))/>
                        <FigureRow key="compliance_cost" label="Compliance cost" value=usd_whole(m.compliance_cost)
                            formula=format!("{} orphaned account{} × {}", group_thousands(m.orphaned_accounts), if m.orphaned_accounts == 1 { "" } else { "s" }, usd(i.cost_per_orphan))/>
                        <FigureRow key="total_annual_impact" total=true label="Total annual impact" value=usd_whole(m.manual_cost)
                            formula="the three costs above, each rounded to the dollar, added up".to_string()/>
                    </tbody>
                </table>
            </section>
        }
    }
}

fn basis_text(side: &PlanSide, vendor: Option<&Vendor>, is_target: bool) -> String {
    match &side.cost {
        PlanCost::Known { source, .. } => match source {
            PriceSource::ListPrice => {
                let price = vendor
                    .and_then(|v| v.plan(&side.plan))
                    .map(|p| format::price(&p.price))
                    .unwrap_or_default();
                format!("list price: {price}")
            }
            // A source's assumed figure (never a plan's cost here) stands in for a quote.
            PriceSource::Estimate | PriceSource::Assumed => {
                let who = vendor
                    .and_then(|v| v.plan(&side.plan))
                    .and_then(|p| format::price_basis(&p.price))
                    .unwrap_or("a reported range");
                format!("sold by quote; estimate from {who}")
            }
            PriceSource::YourQuote => "your figure".into(),
        },
        PlanCost::Quote if is_target => "sold by quote: enter your quote above".into(),
        PlanCost::Quote => "sold by quote: enter what you pay now above".into(),
        PlanCost::OverFreeCap { max_users } => {
            format!("the free plan stops at {max_users} users")
        }
        PlanCost::OverStatedSeats { up_to } => {
            format!("the price is stated for up to {up_to} users only")
        }
        PlanCost::OutOfScope { scope } => {
            let ask = if is_target {
                "enter your quote above"
            } else {
                "enter what you pay now above"
            };
            format!(
                "the source gives a price only for {}, not at this size: {ask}",
                format::scope(scope)
            )
        }
        PlanCost::Unknown if is_target => "no price in the data: enter your quote above".into(),
        PlanCost::Unknown => "no price in the data: enter what you pay now above".into(),
    }
}

fn annual_text(side: &PlanSide) -> String {
    match side.cost.annual() {
        Some(a) => format::span(&a),
        None => "unknown".into(),
    }
}

/// The sizes a price used here is reported for (out of them, `basis_text` says so).
fn scope_text(side: &PlanSide) -> Option<String> {
    match (&side.cost, side.scope) {
        (
            PlanCost::Known {
                source: PriceSource::ListPrice | PriceSource::Estimate,
                ..
            },
            Some(scope),
        ) => Some(format!("reported for {}", format::scope(&scope))),
        _ => None,
    }
}

fn min_seats_text(side: &PlanSide, vendor: Option<&Vendor>, users: u32) -> Option<String> {
    let min = vendor?.plan(&side.plan)?.min_seats?;
    Some(if users < min {
        format!("billed for its minimum of {min} seats (you have {users})")
    } else {
        format!("minimum {min} seats")
    })
}

#[component]
pub fn UpgradeCostTable(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
) -> impl IntoView {
    move || {
        let r = report.get();
        let Some(u) = r.upgrade.clone() else {
            return Either::Left(view! {
                <UpgradeNotice message="Choose a vendor to compare your plan with the plan that includes SCIM."/>
            });
        };
        Either::Right(vendor.with_value(|v| upgrade_table(&u, v.as_ref())))
    }
}

/// The upgrade card when there is nothing to price, saying why.
#[component]
fn UpgradeNotice(message: &'static str) -> impl IntoView {
    view! {
        <section class="card upgrade-cost">
            <h3>"What the SCIM upgrade costs"</h3>
            <p>{message}</p>
        </section>
    }
}

fn upgrade_table(u: &UpgradeCost, v: Option<&Vendor>) -> impl IntoView {
    let users = u.users;
    let side_row = |label: &'static str, key: &'static str, side: &PlanSide| {
        let mut notes = vec![basis_text(side, v, key == "target")];
        notes.extend(scope_text(side));
        notes.extend(min_seats_text(side, v, users));
        view! {
            <FigureRow key label value=annual_text(side)
                formula=format!("{}: {}", side.plan, notes.join("; "))/>
        }
    };
    let Some(target) = u.scim.as_ref() else {
        return Either::Left(view! {
            <UpgradeNotice message="The data names no plan that includes SCIM, so there is no upgrade to price."/>
        });
    };
    let years = u.years;
    let renewal = u
        .renewal_increase_pct
        .as_ref()
        .map(|p| format!("{}–{} % a year", plain(p.low), plain(p.high)));
    Either::Right(view! {
        <section class="card upgrade-cost" aria-labelledby="upgrade-cost-title">
            <h3 id="upgrade-cost-title">"What the SCIM upgrade costs (the SCIM tax)"</h3>
            {u.current.has_scim.then(|| view! {
                <p class="callout">{format!("{} already includes SCIM: there is nothing to upgrade.", u.current.plan)}</p>
            })}
            <table class="figures">
                <thead><tr><th scope="col">"Figure"</th><th scope="col" class="num">"A year"</th><th scope="col">"How it is worked out"</th></tr></thead>
                <tbody>
                    {side_row("Your current plan", "current", &u.current)}
                    {side_row("Cheapest plan with SCIM", "target", target)}
                    <FigureRow key="difference" label="Difference" value=u.scim_extra.map(|d| format::change(&d)).unwrap_or_else(|| "unknown".into())
                        formula="SCIM plan minus current plan; a range stays a range".to_string()/>
                    <FigureRow key="multiple" label="Multiple" value=u.multiple.map(|m| format::multiple(&m)).unwrap_or_else(|| "unknown".into())
                        formula="SCIM plan divided by current plan".to_string()/>
                    <FigureRow key="per_user" label="Per user" value=u.per_user.map(|p| format::change(&p)).unwrap_or_else(|| "unknown".into())
                        formula=format!("difference ÷ {} people", group_thousands(users as u64))/>
                    <FigureRow key="implementation_fee" label="Implementation fee (once)" value=u.implementation_fee.map(|f| format::span(&f)).unwrap_or_else(|| "none stated".into())
                        formula="from the vendor data; added to the first year".to_string()/>
                    <FigureRow key="renewal" label="Renewal increases" value=renewal.unwrap_or_else(|| "none stated".into())
                        formula="applied to the SCIM plan from the second year".to_string()/>
                    <FigureRow key="over_years" total=true label="Change in spend over the period" value=u.over_years.map(|o| format::change(&o)).unwrap_or_else(|| "unknown".into())
                        formula=format!("{years} years of the SCIM plan with increases, plus fees, minus {years} years of your plan")/>
                </tbody>
            </table>
            <p class="hint">"Ranges are shown low to high, never as a midpoint; “or more” marks a price the source gives only as a lower bound."</p>
        </section>
    })
}

/// The verdict's colour key (a CSS class and `data-outcome`).
fn outcome_key(o: &Outcome) -> &'static str {
    match o {
        Outcome::AlreadyHasScim => "use-native",
        Outcome::NoScimPlan => "no-scim",
        Outcome::UpgradeCheaper { .. } => "upgrade",
        Outcome::ManualCheaper { .. } => "manual",
        Outcome::Depends { .. } => "depends",
        Outcome::Unknown => "unknown",
    }
}

fn break_even_text(v: &Verdict) -> Option<String> {
    let b = v.break_even.as_ref()?;
    let limit = group_thousands(b.searched_to as u64);
    Some(match (b.possibly_from, b.surely_from) {
        (_, Some(sure)) if Some(sure) == b.possibly_from => format!(
            "Break-even: the upgrade pays for itself from {} people.",
            group_thousands(sure as u64)
        ),
        (Some(p), Some(sure)) => format!(
            "Break-even: from {} people at the bottom of the price range, and from {} people even at the top.",
            group_thousands(p as u64),
            group_thousands(sure as u64)
        ),
        (Some(p), None) => format!(
            "Break-even: from {} people at the bottom of the price range; at the top of the range, not up to {limit} people.",
            group_thousands(p as u64)
        ),
        (None, _) => format!("No break-even: up to {limit} people the upgrade never pays for itself."),
    })
    .map(|t| match b.surely_from {
        // The search stopped where a price's scope ends: say so, not "never".
        None if b.searched_to < BREAK_EVEN_LIMIT => {
            format!("{t} Beyond {limit} people the source gives no price.")
        }
        _ => t,
    })
}

/// The keys each ask owns: the SCIM plan's quote, the current plan's price, or both.
const ASK_TARGET: [&str; 1] = [QUOTE.key];
const ASK_CURRENT: [&str; 1] = [CURRENT_QUOTE.key];
const ASK_BOTH: [&str; 2] = [QUOTE.key, CURRENT_QUOTE.key];

/// Where the verdict waits on the reader's price, the field for it, right under the
/// sentence that says what the answer turns on (the same keys as the form's own fields).
#[component]
fn AskQuote(missing: Missing, target: String, current: String, action: String) -> impl IntoView {
    let (own, ask_target, ask_current): (&'static [&'static str], bool, bool) = match missing {
        Missing::Target => (&ASK_TARGET, true, false),
        Missing::Current => (&ASK_CURRENT, false, true),
        Missing::Both => (&ASK_BOTH, true, true),
    };
    view! {
        <LiveForm class="ask-quote" action own is_default=scenario::is_default>
            {ask_target.then(|| view! {
                <div class="field">
                    <label for="ask-quote">{format!("Your {target} quote ($ a year)")}</label>
                    <input id="ask-quote" type="text" inputmode="decimal" autocomplete="off" name=QUOTE.key/>
                </div>
            })}
            {ask_current.then(|| view! {
                <div class="field">
                    <label for="ask-current-quote">{format!("What you pay for {current} ($ a year)")}</label>
                    <input id="ask-current-quote" type="text" inputmode="decimal" autocomplete="off" name=CURRENT_QUOTE.key/>
                </div>
            })}
            <p class="form-actions"><button type="submit">"See the verdict"</button></p>
        </LiveForm>
    }
}

/// What a screen reader hears as the inputs change: the verdict sentence alone.
#[component]
pub fn VerdictAnnouncement(report: Memo<ScenarioReport>) -> impl IntoView {
    let sentence = move || report.with(verdict_text).unwrap_or_default();
    view! { <Announcement sentence/> }
}

#[component]
pub fn VerdictPanel(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
    /// Where the ask-for-a-quote form submits (the page's own path).
    action: String,
) -> impl IntoView {
    move || {
        let r = report.get();
        let verdict = r.verdict.clone()?;
        let years = r.scenario.upgrade.years;
        let class = outcome_key(&verdict.outcome);
        let target = r
            .upgrade
            .as_ref()
            .and_then(|u| u.scim.as_ref())
            .map(|t| t.plan.clone())
            .unwrap_or_else(|| "the SCIM plan".into());
        let text = verdict_text(&r)?;
        let missing = missing_quote(&r);
        let current = r
            .upgrade
            .as_ref()
            .map(|u| u.current.plan.clone())
            .unwrap_or_default();
        let action = action.clone();
        let manual_total = format!(
            "Staying manual: {} a year, {} over {years} year{}.",
            usd_whole(r.manual.manual_cost),
            usd_whole(r.manual.manual_cost * years as f64),
            if years == 1 { "" } else { "s" }
        );
        let advice = vendor.with_value(|v| advise(v.as_ref(), &r));
        let row = vendor.with_value(|v| {
            let v = v.as_ref()?;
            let row = v.decision.get(advice.row?)?.clone();
            Some((row, v.slug.clone()))
        });
        Some(view! {
            <section class=format!("card verdict verdict-{class}") aria-labelledby="verdict-title">
                <h3 id="verdict-title">"Verdict"</h3>
                <p class="verdict-text" data-outcome=class>{text}</p>
                {missing.map(|m| view! { <AskQuote missing=m target=target.clone() current action/> })}
                {advice.action.map(|a| view! {
                    <p class="advice">"Our advice: "<span class=format!("action {}", a.key())>{a.label()}</span></p>
                })}
                <p>{manual_total}</p>
                {break_even_text(&verdict).map(|t| view! { <p class="break-even">{t}</p> })}
                {row.map(|(row, slug)| view! {
                    <div class="decision-match">
                        <p class="eyebrow">"Matching row of the vendor’s decision table"</p>
                        <p><strong>{row.situation}</strong>" → "{row.action.label()}</p>
                        <p>{row.reason}</p>
                        <p><a href=format!("{}#decision", crate::domain::routes::Route::Vendor.fill(&[&slug]))>"See the whole decision table"</a></p>
                    </div>
                })}
                <p class="hint">
                    "A third path is to automate without the upgrade: your identity provider’s own workflows, a third-party automation service, or the vendor’s user API where one exists. Its cost depends on the tool and is not modelled here."
                </p>
            </section>
        })
    }
}

#[component]
pub fn ChartFigure(
    report: Memo<ScenarioReport>,
    svg: RwSignal<String>,
    vendor: StoredValue<Option<Vendor>>,
) -> impl IntoView {
    let name = vendor.with_value(|v| v.as_ref().map(|v| v.name.clone()));
    let caption = move || report.with(|r| headline(r, name.as_deref()));
    let image = move || {
        let query = report.with(|r| r.scenario.to_query());
        crate::domain::routes::Route::ChartSvg.link(&[], &query)
    };
    view! {
        <figure class="card chart" aria-labelledby="chart-caption">
            <ul class="legend" aria-hidden="true">
                <li><span class="swatch line" style=format!("background:{}", crate::domain::drawing::MANUAL_CSS)></span>"Staying manual: cost a year"</li>
                <li><span class="swatch band" style=format!("background:{}", crate::domain::drawing::UPGRADE_CSS)></span>"Upgrade: extra spend a year, low to high"</li>
                <li><span class="swatch marker"></span>"Your team"</li>
            </ul>
            <div class="chart-svg" inner_html=move || svg.get()></div>
            <figcaption id="chart-caption">
                {caption}
                " The line is the yearly cost of staying manual; the band is the upgrade’s extra spend a year, from the low to the high end of the price range (an open-ended price runs off the top). The vertical line marks your team. "
                <a class="chart-download" href=image download="scim-ledger-chart.svg">"Save the chart (SVG)"</a>
            </figcaption>
        </figure>
    }
}

#[component]
pub fn ShareLink(report: Memo<ScenarioReport>) -> impl IntoView {
    let query = move || report.with(|r| r.scenario.to_query());
    let (copied, set_copied) = signal(false);
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    // The link copied is the deep link itself, section anchor included: the address bar
    // may hold no `#cost` (or another section's), and the reader shares this scenario.
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let window = leptos::prelude::window();
            let location = window.location();
            if let (Ok(origin), Ok(path)) = (location.origin(), location.pathname()) {
                let q = query();
                let q = if q.is_empty() { q } else { format!("?{q}") };
                let href = format!("{origin}{path}{q}#cost");
                let _ = window.navigator().clipboard().write_text(&href);
                set_copied.set(true);
            }
        }
    };
    let _ = set_copied;
    view! {
        <p class="share">
            <a class="deep-link" href=move || format!("?{}#cost", query())>"Link to this scenario"</a>
            " "
            <button type="button" class="copy-link" hidden=move || !hydrated.get() on:click=copy>
                {move || if copied.get() { "Link copied" } else { "Copy link" }}
            </button>
        </p>
    }
}
