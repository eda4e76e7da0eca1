//! What changed in one step of a vendor's history, fact by fact: the old value, the new one
//! and what the difference amounts to. Shared by `/changes` and each guide's History.

use crate::domain::changes::words::{describe, stated_by};
use crate::domain::changes::Step;
use leptos::prelude::*;

#[component]
pub fn StepChanges(step: Step) -> impl IntoView {
    let (from, to) = (stated_by(&step.from), stated_by(&step.to));
    let prev = step.stated_prev_differs.map(|p| {
        view! {
            <li class="stated-prev">
                {format!(
                    "The later row gives its previous status as “{}”, not what {from} says; the index's own “previous release” may be one we do not hold.",
                    p.label()
                )}
            </li>
        }
    });
    view! {
        <ul class="step-changes">
            {step.changes.iter().map(|c| {
                let w = describe(c);
                view! {
                    <li data-fact=w.fact>
                        <span class="fact-name">{w.fact}": "</span>
                        <span class="was">{w.from}</span>" → "<span class="now">{w.to}</span>
                        {w.note.map(|n| view! { <span class="change-note">" "{n}</span> })}
                    </li>
                }
            }).collect_view()}
            {prev}
        </ul>
        <p class="step-dates">{format!("From {from} to {to}.")}</p>
    }
}
