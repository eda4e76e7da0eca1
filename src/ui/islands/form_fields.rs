//! The fields the calculator and the decision helper share: a number of the scenario and
//! the current plan, read from the address bar, with their problems beside them. A guide
//! holds both forms, so each field's ids carry its form's prefix.

use crate::domain::cost::upgrade::{current_plan, plan_param};
use crate::domain::format::plain;
use crate::domain::report::ScenarioReport;
use crate::domain::scenario::{Field, PLAN};
use crate::domain::vendor::Vendor;
use crate::ui::islands::address_bar::use_address_bar;
use leptos::prelude::*;

/// Which form a field is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The calculator's scenario form.
    Calculator,
    /// The decision helper's "your situation".
    Situation,
}

impl Form {
    pub fn input_id(self, key: &str) -> String {
        match self {
            Form::Calculator => format!("in-{key}"),
            Form::Situation => format!("dq-{key}"),
        }
    }

    pub fn error_id(self, key: &str) -> String {
        match self {
            Form::Calculator => format!("err-{key}"),
            Form::Situation => format!("dq-err-{key}"),
        }
    }
}

/// The raw text of a query parameter, or the field's default, for the input's value.
fn raw_value(field: Field) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_address_bar();
    move || {
        query
            .get(field.key)
            .unwrap_or_else(|| field.default.map(plain).unwrap_or_default())
    }
}

fn issue_for(
    report: Memo<ScenarioReport>,
    key: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        report.with(|r| {
            r.issues
                .iter()
                .find(|i| i.field == key)
                .map(|i| i.message.clone())
        })
    }
}

#[component]
pub fn FieldMessage(report: Memo<ScenarioReport>, key: &'static str, form: Form) -> impl IntoView {
    let issue = issue_for(report, key);
    move || {
        issue().map(|m| view! { <p class="field-error" id=form.error_id(key) role="alert">{m}</p> })
    }
}

/// A number of the scenario, with its unit, its problem if it has one, and (in the
/// calculator) where its default comes from.
#[component]
pub fn NumberField(field: Field, report: Memo<ScenarioReport>, form: Form) -> impl IntoView {
    let raw = raw_value(field);
    let issue = issue_for(report, field.key);
    let id = form.input_id(field.key);
    let error_id = form.error_id(field.key);
    let default = match field.default {
        Some(d) => format!("Default {}: {}.", plain(d), field.default_source),
        None => "Optional.".to_string(),
    };
    let hint = (form == Form::Calculator).then(|| view! { <p class="hint">{default}</p> });
    view! {
        <div class="field" class:invalid=move || issue().is_some()>
            <label for=id.clone()>
                {field.label}
                <span class="unit">{format!(" ({})", field.unit)}</span>
            </label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                name=field.key
                value=raw
                prop:value=raw
                aria-invalid=move || issue().is_some().then_some("true")
                aria-describedby=move || issue().map(|_| error_id.clone())
            />
            <FieldMessage report key=field.key form/>
            {hint}
        </div>
    }
}

/// The reader's current plan; the calculator's options carry each plan's price.
#[component]
pub fn PlanSelect(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
    form: Form,
) -> impl IntoView {
    let plans: Vec<(String, String, String)> = vendor.with_value(|v| {
        v.iter()
            .flat_map(|v| v.plans.iter().map(move |p| (v, p)))
            .map(|(v, p)| {
                (
                    p.name.clone(),
                    plan_param(v, &p.name),
                    crate::domain::format::price(&p.price),
                )
            })
            .collect()
    });
    let selected = move || {
        report.with(|r| {
            vendor.with_value(|v| {
                current_plan(v.as_ref()?, &r.scenario.upgrade).map(|p| p.name.clone())
            })
        })
    };
    view! {
        <div class="field">
            <label for=form.input_id(PLAN)>"Your current plan"</label>
            <select id=form.input_id(PLAN) name=PLAN>
                {plans.into_iter().map(|(name, value, price)| {
                    let n = name.clone();
                    let label = match form {
                        Form::Calculator => format!("{name}: {price}"),
                        Form::Situation => name,
                    };
                    view! {
                        <option value=value selected=move || selected().as_deref() == Some(n.as_str())>
                            {label}
                        </option>
                    }
                }).collect_view()}
            </select>
            <FieldMessage report key=PLAN form/>
        </div>
    }
}
