//! A guide's History: each release of the index the vendor appears in (and each earlier
//! check of our own profile), with status, plans and prices as each stated them, then
//! what changed from one to the next (`domain::changes`).

use super::sections::GuideSection;
use crate::domain::changes::words::stated_by;
use crate::domain::changes::{ChangeKind, ReleaseRow, VendorHistory};
use crate::ui::components::change_list::StepChanges;
use crate::ui::components::layout::Section;
use leptos::prelude::*;

#[component]
pub fn VendorHistorySection(h: VendorHistory) -> impl IntoView {
    let rows = h
        .rows
        .clone()
        .into_iter()
        .map(|r| view! { <HistoryRow r/> })
        .collect_view();
    let steps = h
        .steps
        .clone()
        .into_iter()
        .map(|s| {
            let what = if s.kinds.contains(&ChangeKind::Added) {
                view! { <p>{format!("Not in {}; added in {}.", stated_by(&s.from), stated_by(&s.to))}</p> }.into_any()
            } else if s.kinds.contains(&ChangeKind::Removed) {
                view! { <p>{format!("In {}, not in {}.", stated_by(&s.from), stated_by(&s.to))}</p> }.into_any()
            } else if s.changes.is_empty() {
                view! { <p>{format!("Nothing we compare changed from {} to {}.", stated_by(&s.from), stated_by(&s.to))}</p> }.into_any()
            } else {
                let kinds = s.kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join("; ");
                let news = (!kinds.is_empty()).then(|| view! { <p class="kinds"><strong>{kinds}</strong></p> });
                view! { {news}<StepChanges step=s/> }.into_any()
            };
            view! { <div class="history-step">{what}</div> }
        })
        .collect_view();
    view! {
        <Section id=GuideSection::History.id() title=GuideSection::History.label().into()>
            // A paragraph, not a caption: on a phone the table is cards, and a caption squeezes.
            <p id="history-about">"As each release of the index (or each check of our own profile) stated it:"</p>
            <div class="table-wrap">
                <table class="cards history-table" aria-describedby="history-about">
                    <thead>
                        <tr>
                            {COLUMNS.map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>"What changed"</h3>
            {steps}
        </Section>
    }
}

/// The table's columns, also each cell's label on a phone (where the table is cards).
const COLUMNS: [&str; 5] = [
    "Stated by",
    "SCIM status",
    "Plan that unlocks SCIM",
    "Its price",
    "Team plan and price",
];

#[component]
fn HistoryRow(r: ReleaseRow) -> impl IntoView {
    let or_none = |t: &str| {
        if t.trim().is_empty() {
            "Not stated".to_string()
        } else {
            t.to_string()
        }
    };
    // The index writes the plan's name before its price (`Teams: $19.95/mo flat`).
    let team = match &r.team_plan {
        Some(p) if !r.team_price.text.starts_with(p.as_str()) => {
            format!("{p}: {}", or_none(&r.team_price.text))
        }
        _ => or_none(&r.team_price.text),
    };
    view! {
        <tr data-stated-by=r.stated_by.date().to_string()>
            <th scope="row">{stated_by(&r.stated_by)}</th>
            <td class="status" data-label=COLUMNS[1]>{r.status.label()}</td>
            <td data-label=COLUMNS[2]>{r.scim_plan.clone().unwrap_or_else(|| "None named".into())}</td>
            <td data-label=COLUMNS[3]>{or_none(&r.scim_price.text)}</td>
            <td data-label=COLUMNS[4]>{team}</td>
        </tr>
    }
}
