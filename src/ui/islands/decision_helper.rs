//! The decision helper: a few plain questions, the vendor's decision table with the row
//! that fits highlighted, the figures behind it, and every option described neutrally.
//! Shared by each guide's `#decision` section and `/decide`.

use crate::domain::decision::{self, RowMatch};
use crate::domain::format::{self, usd_whole};
use crate::domain::keys::Key;
use crate::domain::questions::{self, IdpChoice, Question};
use crate::domain::recommendation::{advise, conflict_sentence, Ground, Recommendation};
use crate::domain::report::upgrade_sentence;
use crate::domain::report::ScenarioReport;
use crate::domain::scenario::{self, Scenario, JOINERS, LEAVERS, USERS};
use crate::domain::vendor::{Action, Idp, Provisioning, Tri, Vendor};
use crate::domain::vendor_search::SEARCH;
use crate::ui::components::layout::InputErrors;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::announcement::Announcement;
use crate::ui::islands::calculator::use_report;
use crate::ui::islands::form_fields::{Form, NumberField, PlanSelect};
use crate::ui::islands::live_form::{FormActions, LiveForm};
use crate::ui::islands::vendor_props::VendorProps;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::LazyLock;

#[island]
pub fn DecisionHelper(
    /// Built on the server with `VendorProps::of`.
    vendor: VendorProps,
    /// Where the GET form submits (the page's own path).
    action: String,
    /// The page picks its vendor (`/decide`, with a vendor picker beside the form); false
    /// inside a guide, where the vendor is the guide's.
    picks_vendor: bool,
    has_api_guide: bool,
) -> impl IntoView {
    let vendor = vendor.into_vendor();
    let questions = decision::questions_for(&vendor);
    let (report, vendor) = use_report(Some(vendor));
    // The answers are part of the scenario, which the helper shares with the calculator.
    let situation = Memo::new(move |_| report.with(|r| r.scenario.clone()));
    bad_input_when(report.with_untracked(|r| !r.issues.is_empty()));
    let matched = Memo::new(move |_| {
        situation
            .with(|s| vendor.with_value(|v| decision::match_rows(v.as_ref().expect("vendor"), s)))
    });
    // The one advice for this address (`recommendation::advise`), as every page gives it.
    let advice = Memo::new(move |_| report.with(|r| vendor.with_value(|v| advise(v.as_ref(), r))));
    view! {
        // The answer comes first in the document, so a phone shows it before the questions;
        // on a wide screen the grid puts it beside them (style/main.css).
        <div class="decision-helper">
            <div class="answer">
                <AdviceAnnouncement advice/>
                <Recommendation matched advice report vendor/>
            </div>
            <SituationForm situation report vendor questions picks_vendor action/>
            <div class="decision-results">
                <DecisionRows matched vendor/>
                <Options report vendor situation has_api_guide/>
            </div>
        </div>
    }
}

fn vendor_ref<T>(vendor: StoredValue<Option<Vendor>>, f: impl FnOnce(&Vendor) -> T) -> T {
    vendor.with_value(|v| f(v.as_ref().expect("the decision helper always has a vendor")))
}

/// The keys the form owns: the helper's, and the vendor picker's search text, so that
/// submitting the form ends a search (the list of vendors found goes).
static OWN: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut own = decision::KEYS.to_vec();
    own.push(SEARCH);
    own
});

#[component]
fn SituationForm(
    situation: Memo<Scenario>,
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
    questions: Vec<Question>,
    picks_vendor: bool,
    action: String,
) -> impl IntoView {
    let slug = vendor_ref(vendor, |v| v.slug.clone());
    // The answers' own problems; the numbers' show beside their fields.
    let issues = move || {
        report.with(|r| {
            r.issues
                .iter()
                .filter(|i| questions::KEYS.contains(&i.field.as_str()))
                .map(|i| i.message.clone())
                .collect::<Vec<_>>()
        })
    };
    let reset = if picks_vendor {
        format!("{action}?vendor={slug}")
    } else {
        format!("{action}#decision")
    };
    view! {
        <LiveForm class="situation-form" action own=OWN.as_slice() is_default=scenario::is_default>
            <fieldset>
                <legend>"Your situation"</legend>
                // The vendor is picked beside the form (the vendor picker); the form keeps it.
                {picks_vendor.then(|| view! { <input type="hidden" name=scenario::VENDOR value=slug.clone()/> })}
                <PlanSelect report vendor form=Form::Situation/>
                <NumberField field=USERS report form=Form::Situation/>
                <NumberField field=JOINERS report form=Form::Situation/>
                <NumberField field=LEAVERS report form=Form::Situation/>
                <p class="hint">
                    {move || situation.with(|s| format!(
                        "That is about {} joiners and leavers a year.",
                        format::group_thousands(s.changes_a_year() as u64)
                    ))}
                </p>
                <IdpSelect situation/>
            </fieldset>
            <fieldset class="questions">
                <legend>"A few questions"</legend>
                {questions.into_iter().map(|q| view! { <YesNo q situation/> }).collect_view()}
            </fieldset>
            {move || view! { <InputErrors messages=issues()/> }}
            <FormActions submit="Show what fits" reset_href=reset.clone() reset_label="Clear answers"/>
        </LiveForm>
    }
}

#[component]
fn IdpSelect(situation: Memo<Scenario>) -> impl IntoView {
    let chosen = move || situation.with(|s| s.answers.idp.map(|c| c.key()).unwrap_or_default());
    let options: Vec<(String, &'static str)> = Idp::ALL
        .into_iter()
        .map(|i| (IdpChoice::Known(i).key(), i.name()))
        .chain([(IdpChoice::Other.key(), "Another identity provider")])
        .collect();
    view! {
        <div class="field">
            <label for="dq-idp">"Your identity provider"</label>
            <select id="dq-idp" name="idp">
                <option value="" selected=move || chosen().is_empty()>"Not sure / none"</option>
                {options.into_iter().map(|(key, name)| view! {
                    <option value=key.clone() selected=move || chosen() == key>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// One question as three radio buttons: yes, no, not sure.
#[component]
fn YesNo(q: Question, situation: Memo<Scenario>) -> impl IntoView {
    let answer = move || situation.with(|s| s.answers.answer(q));
    let name = q.key();
    let group = name.clone();
    let radio = move |value: &'static str, label: &'static str, is: Option<bool>| {
        let id = format!(
            "dq-{group}-{}",
            if value.is_empty() { "unsure" } else { value }
        );
        view! {
            <label for=id.clone() class="radio">
                <input type="radio" id=id.clone() name=group.clone() value=value
                    checked=move || answer() == is prop:checked=move || answer() == is/>
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="yes-no" data-question=name>
            <legend>{q.text()}</legend>
            {radio("yes", "Yes", Some(true))}
            {radio("no", "No", Some(false))}
            {radio("", "Not sure", None)}
        </fieldset>
    }
}

const NO_ADVICE: &str =
    "The vendor's decision table has no row for your answers, and the figures alone do not decide it.";

/// What a screen reader hears as the answers change: the advice in one short sentence.
#[component]
fn AdviceAnnouncement(advice: Memo<Recommendation>) -> impl IntoView {
    let sentence = move || {
        advice.with(|a| match a.action {
            Some(action) => format!("What fits your situation: {}.", action.label()),
            None => NO_ADVICE.to_string(),
        })
    };
    view! { <Announcement sentence/> }
}

/// The row the answers point to, or the one the cost figures point to when no row fits.
#[component]
fn Recommendation(
    matched: Memo<RowMatch>,
    advice: Memo<Recommendation>,
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
) -> impl IntoView {
    move || {
        let m = matched.get();
        let r = report.get();
        let rec = advice.get();
        let (row, conflict) = vendor.with_value(|v| {
            let row = rec.row.and_then(|i| v.as_ref()?.decision.get(i).cloned());
            let conflict = rec
                .conflict
                .zip(v.as_ref())
                .map(|(c, v)| conflict_sentence(&c, v, &r));
            (row, conflict)
        });
        let ground = match (rec.ground, rec.row) {
            (Ground::Answers { certain: true }, Some(i)) => format!(
                "Every condition of this row holds for your answers ({} of {}).",
                m.fits[i].confirmed(),
                m.fits[i].checks.len()
            ),
            (Ground::Answers { certain: false }, Some(i)) => format!(
                "Your answers confirm {} of this row’s {} conditions and contradict none; answer the rest to be sure.",
                m.fits[i].confirmed(),
                m.fits[i].checks.len()
            ),
            (Ground::Figures, _) if rec.conflict.is_none() && rec.action.is_some() => {
                "No row fits your answers on its own, so this is where the cost figures point.".into()
            }
            _ => String::new(),
        };
        view! {
            <section class="card recommendation" aria-labelledby="rec-title">
                <h3 id="rec-title">"What fits your situation"</h3>
                {match rec.action {
                    Some(action) => Either::Left(view! {
                        <p class="rec-action"><span class=format!("action {}", action.key())>{action.label()}</span></p>
                        {row.map(|row| view! {
                            <p class="rec-situation"><strong>{row.situation}</strong></p>
                            <p>{row.reason}</p>
                        })}
                        {conflict.map(|text| view! { <p class="callout conflict" role="note">{text}</p> })}
                        {(!ground.is_empty()).then(|| view! { <p class="hint">{ground}</p> })}
                    }),
                    None => Either::Right(view! {
                        <p>{NO_ADVICE}</p>
                    }),
                }}
                <p class="rec-figures">{figures_line(&r)}</p>
            </section>
        }
    }
}

/// The figures behind the advice, in one sentence.
fn figures_line(r: &ScenarioReport) -> String {
    let manual = format!(
        "Staying manual costs about {} a year at {} people.",
        usd_whole(r.manual.manual_cost),
        format::group_thousands(r.scenario.users as u64)
    );
    match r.upgrade.as_ref() {
        Some(u) => format!("{manual} {}", upgrade_sentence(u)),
        None => manual,
    }
}

#[component]
fn DecisionRows(matched: Memo<RowMatch>, vendor: StoredValue<Option<Vendor>>) -> impl IntoView {
    let rows = vendor_ref(vendor, |v| v.decision.clone());
    view! {
        <div class="table-wrap">
            <table class="cards decision">
                <caption class="visually-hidden">"The vendor's decision table, with the row that fits your answers marked"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Situation"</th>
                        <th scope="col">"What to do"</th>
                        <th scope="col">"Why"</th>
                        <th scope="col">"Fits your answers?"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, row)| {
                        let chosen = move || matched.with(|m| m.chosen == Some(i));
                        view! {
                            <tr data-action=row.action.key() data-row=i class:chosen=chosen
                                aria-current=move || chosen().then_some("true")>
                                <th scope="row" data-label="Situation">
                                    {move || chosen().then(|| view! { <span class="badge fits">"Fits you"</span>" " })}
                                    {row.situation.clone()}
                                </th>
                                <td data-label="What to do"><span class=format!("action {}", row.action.key())>{row.action.label()}</span></td>
                                <td data-label="Why">{row.reason.clone()}</td>
                                <td data-label="Fits your answers?"><Conditions matched i/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A row's conditions, each marked met, not met or not answered.
#[component]
fn Conditions(matched: Memo<RowMatch>, i: usize) -> impl IntoView {
    move || {
        let checks = matched.with(|m| m.fits.get(i).map(|f| f.checks.clone()).unwrap_or_default());
        if checks.is_empty() {
            return Either::Left(view! { <span class="muted">"No conditions stated"</span> });
        }
        Either::Right(view! {
            <ul class="conditions">
                {checks.into_iter().map(|c| {
                    let (class, mark, said) = match c.met {
                        Some(true) => ("met", "✓", "met"),
                        Some(false) => ("unmet", "✗", "not met"),
                        None => ("open", "?", "not answered"),
                    };
                    view! {
                        <li class=class>
                            <span aria-hidden="true">{mark}" "</span>{c.text}
                            <span class="visually-hidden">{format!(" ({said})")}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

/// Every real option, with what the data says about it for this vendor.
/// The three ways forward (and a migration, where the vendor's table has one), each with
/// its cost at the reader's team size.
#[component]
fn Options(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
    situation: Memo<Scenario>,
    has_api_guide: bool,
) -> impl IntoView {
    let migration = vendor_ref(vendor, |v| {
        v.decision
            .iter()
            .find(|r| r.action == Action::PlanMigration)
            .cloned()
    });
    view! {
        <section class="options" aria-labelledby="options-title">
            <h3 id="options-title">"Your options"</h3>
            <dl class="option-list">
                <UpgradeOption report vendor/>
                <StayManualOption report/>
                <AutomateElsewhereOption vendor situation has_api_guide/>
                {migration.map(|row| view! {
                    <div>
                        <dt>"Plan a migration"</dt>
                        <dd><p>{row.reason}</p></dd>
                    </div>
                })}
            </dl>
            <p class="hint">"We sell none of these. Each option's cost depends on your contracts; the figures above use the calculator's inputs, which you can change in the cost section."</p>
        </section>
    }
}

#[component]
fn UpgradeOption(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
) -> impl IntoView {
    let (plan_name, sso_first) = vendor_ref(vendor, |v| {
        (
            v.scim
                .plan
                .clone()
                .unwrap_or_else(|| "the SCIM plan".into()),
            v.scim.sso_required_first,
        )
    });
    let cost = move || {
        report.with(|r| match r.upgrade.as_ref() {
            Some(u) => format!("At your team size: {}", upgrade_sentence(u)),
            None => "The data has no price to work with.".to_string(),
        })
    };
    let sso = match sso_first {
        Tri::Yes => "SSO must be set up before SCIM can be turned on.",
        Tri::No => "SCIM does not need SSO first.",
        Tri::Unknown => "Whether SSO must come first is not known.",
    };
    view! {
        <div>
            <dt>{format!("Upgrade to {plan_name}")}</dt>
            <dd>
                <p>{cost}</p>
                <p>{sso}</p>
            </dd>
        </div>
    }
}

#[component]
fn StayManualOption(report: Memo<ScenarioReport>) -> impl IntoView {
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    let cost = move || {
        report.with(|r| {
            let m = &r.manual;
            format!(
                "About {} a year at your team size; watch for {} orphaned account{} and {} unused licence{} a year.",
                usd_whole(m.manual_cost),
                m.orphaned_accounts,
                plural(m.orphaned_accounts),
                m.unused_licenses,
                plural(m.unused_licenses),
            )
        })
    };
    view! {
        <div>
            <dt>"Stay manual"</dt>
            <dd>
                <p>{cost}</p>
                <p>"What to watch: remove leavers on their last day, review who has access every quarter, and reclaim unused seats before renewal."</p>
            </dd>
        </div>
    }
}

#[component]
fn AutomateElsewhereOption(
    vendor: StoredValue<Option<Vendor>>,
    situation: Memo<Scenario>,
    has_api_guide: bool,
) -> impl IntoView {
    let (slug, name) = vendor_ref(vendor, |v| (v.slug.clone(), v.name.clone()));
    let idp_note = move || {
        situation.with(|s| {
            vendor_ref(vendor, |v| match s.answers.idp {
                Some(IdpChoice::Known(i)) => {
                    let p = v.idp(i).map(|x| x.provisioning).unwrap_or(Provisioning::Unknown);
                    format!("For {} the data says: provisioning {}.", i.name(), p.label().to_ascii_lowercase())
                }
                Some(IdpChoice::Other) => "For an identity provider not in our table, check its app catalogue for a connector.".to_string(),
                None => String::new(),
            })
        })
    };
    let api = if has_api_guide {
        Either::Left(
            view! { <span>{format!("{name}'s user API, scripted by your team: ")}<a href=crate::domain::routes::Route::ApiGuide.fill(&[&slug])>"see the API guide"</a>"."</span> },
        )
    } else {
        Either::Right(
            view! { <span>"the vendor's user API, where it has one, scripted by your team."</span> },
        )
    };
    view! {
        <div>
            <dt>"Automate another way"</dt>
            <dd>
                <p>"Keep your plan and automate outside it. The usual routes:"</p>
                <ul>
                    <li>"your identity provider's own workflow or lifecycle features;"</li>
                    <li>"a third-party automation service (several exist; compare their price with the upgrade's);"</li>
                    <li>{api}</li>
                </ul>
                <p class="hint">{idp_note}</p>
            </dd>
        </div>
    }
}
