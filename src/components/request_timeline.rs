//! A request's timeline: the steps it has taken, with their dates, and the steps to come, with the dates the
//! policy sets for them (a deletion's clean-up and backup purge, an export's expiry).

use leptos::prelude::*;

use crate::domain::requests::{PrivacyRequest, RequestStatus};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// One step of the timeline.
struct Step {
    status: RequestStatus,
    /// When it happened, or is due to happen.
    when: Option<String>,
    state: StepState,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum StepState {
    Done,
    Current,
    Expected,
}

fn steps(l: Locale, request: &PrivacyRequest) -> Vec<Step> {
    let reached = |status: RequestStatus| request.history.iter().rev().find(|c| c.status == status);
    let mut steps = Vec::new();
    for status in request.kind.timeline() {
        let happened = reached(*status);
        let state = if *status == request.status {
            StepState::Current
        } else if happened.is_some() {
            StepState::Done
        } else {
            StepState::Expected
        };
        let when = match happened {
            Some(change) => Some(format::date_time(change.at)),
            None => match (status, &request.deletion) {
                (RequestStatus::RemovedFromActive, Some(d)) => Some(fill(
                    td_string!(l, timeline.due),
                    &[("date", &format::day(d.cleanup_on))],
                )),
                (RequestStatus::Completed, Some(d)) => Some(fill(
                    td_string!(l, timeline.due),
                    &[("date", &format::day(d.backup_purge_on))],
                )),
                (RequestStatus::Expired, _) => request.export_expires_at().map(|t| {
                    fill(
                        td_string!(l, timeline.on),
                        &[("date", &format::date_time(t))],
                    )
                }),
                _ => None,
            },
        };
        steps.push(Step {
            status: *status,
            when,
            state,
        });
    }
    // A request that left its timeline (cancelled, declined) ends there.
    if matches!(
        request.status,
        RequestStatus::Cancelled | RequestStatus::Declined
    ) {
        steps.retain(|s| s.state == StepState::Done);
        steps.push(Step {
            status: request.status,
            when: reached(request.status).map(|c| format::date_time(c.at)),
            state: StepState::Current,
        });
    }
    steps
}

/// The timeline as an ordered list.
#[component]
pub fn RequestTimeline(
    /// The request.
    request: PrivacyRequest,
) -> impl IntoView {
    let i18n = use_i18n();
    // Dates and words follow the language: the steps are rebuilt when it changes.
    let items = move || {
        let l = i18n.get_locale();
        steps(l, &request)
            .into_iter()
            .map(|step| {
                let (class, note) = match step.state {
                    StepState::Done => ("timeline__step timeline__step--done", td_string!(l, timeline.done)),
                    StepState::Current => ("timeline__step timeline__step--current", td_string!(l, timeline.now)),
                    StepState::Expected => ("timeline__step timeline__step--expected", td_string!(l, timeline.to_come)),
                };
                view! {
                    <li class=class aria-current=(step.state == StepState::Current).then_some("step")>
                        <span class="timeline__status">{labels::request_status(l, step.status)}</span>
                        <span class="timeline__when">
                            <span class="visually-hidden">{format!("{note}: ")}</span>
                            {step.when.unwrap_or_default()}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ol class="timeline">{items}</ol> }.into_any()
}
