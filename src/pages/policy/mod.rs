//! `/policy`: the policy in force, with a table of contents and linkable sections; its version, date and contact;
//! the change history; a pending change with its 30-day countdown, exactly what changes, and the option to end
//! use; and the notices sent to the user, read or unread.

use std::sync::Arc;

mod changes;
mod notices;
mod section_link;

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::in_steps::{Steps, PER_FRAME};
use crate::components::page_heading::PageHeading;
use crate::domain::policy::{anchor, outline, part_anchor, PolicyDocument, PolicyParagraph};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use section_link::section_link;

/// Paragraphs of the policy text built together in one step (see `in_steps`).
const PARAGRAPHS_PER_PART: usize = 25;

fn table_of_contents(l: Locale, paragraphs: &[PolicyParagraph]) -> impl IntoView {
    let parts = outline(paragraphs)
        .into_iter()
        .map(|part| {
            let sections = part
                .sections
                .iter()
                .map(|section| view! { <li>{section_link(section)}</li> })
                .collect_view();
            match part.part {
                Some(title) => view! {
                    <li class="policy__toc-part">
                        {section_link(&title)}
                        <ol>{sections}</ol>
                    </li>
                }
                .into_any(),
                None => sections.into_any(),
            }
        })
        .collect_view();
    view! {
        <nav class="policy__toc" aria-labelledby="toc-title">
            <h2 id="toc-title">{td_string!(l, policy.contents)}</h2>
            <ol>{parts}</ol>
        </nav>
    }
}

fn paragraph_view(paragraph: PolicyParagraph) -> impl IntoView {
    let part = paragraph.starts_part.map(|title| {
        let id = part_anchor(&title);
        view! { <h2 class="policy__part" id=id>{title}</h2> }
    });
    let body = if paragraph.heading {
        let id = anchor(&paragraph.text);
        view! { <h3 class="policy__heading" id=id>{paragraph.text}</h3> }.into_any()
    } else if let Some(item) = paragraph.text.strip_prefix("• ") {
        view! { <p class="policy__item">{item.to_string()}</p> }.into_any()
    } else {
        view! { <p>{paragraph.text}</p> }.into_any()
    };
    view! { {part} {body} }
}

/// A paragraph of an earlier version: no anchors (they belong to the text in force) and no headings (the page's
/// outline stays the text in force); titles are marked as strong text.
fn past_paragraph_view(paragraph: PolicyParagraph) -> impl IntoView {
    let part = paragraph
        .starts_part
        .map(|title| view! { <p class="policy__part"><strong>{title}</strong></p> });
    let body = if paragraph.heading {
        view! { <p class="policy__heading"><strong>{paragraph.text}</strong></p> }.into_any()
    } else if let Some(item) = paragraph.text.strip_prefix("• ") {
        view! { <p class="policy__item">{item.to_string()}</p> }.into_any()
    } else {
        view! { <p>{paragraph.text}</p> }.into_any()
    };
    view! { {part} {body} }
}

/// Every earlier version in full, each with the days it was in force; its text is built when opened.
fn every_version(l: Locale, policy: &PolicyDocument, today: chrono::NaiveDate) -> AnyView {
    let past: Vec<_> = policy
        .versions(today)
        .into_iter()
        .filter_map(|v| v.until.map(|until| (v.revision, v.from, until)))
        .collect();
    let items = past
        .into_iter()
        .map(|(revision, from, until)| {
            let opened = RwSignal::new(false);
            let paragraphs = StoredValue::new(policy.paragraphs_on(from));
            let label = fill(td_string!(l, policy.version_text), &[("revision", &revision)]);
            view! {
                <details class="policy__version" on:toggle=move |_| opened.set(true)>
                    <summary>
                        {fill(
                            td_string!(l, policy.version_span),
                            &[("revision", &revision), ("from", &format::day(from)), ("until", &format::day(until))],
                        )}
                    </summary>
                    <article class="policy__version-text" aria-label=label lang="en">
                        {move || opened.get().then(|| paragraphs.get_value().into_iter().map(past_paragraph_view).collect_view())}
                    </article>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="policy__versions" aria-labelledby="versions-title">
            <h2 id="versions-title">{td_string!(l, policy.versions)}</h2>
            {if policy.versions(today).len() > 1 {
                view! { <p>{td_string!(l, policy.versions_intro)}</p> }.into_any()
            } else {
                view! { <p>{td_string!(l, policy.no_earlier)}</p> }.into_any()
            }}
            {items}
        </section>
    }
    .into_any()
}

fn render(policy: Arc<PolicyDocument>) -> AnyView {
    let l = use_i18n().get_locale();
    let today = api::now().date_naive();
    let paragraphs = policy.paragraphs_on(today);
    // The page is built a few parts per frame: the whole of it at once was a long task on a first visit.
    let steps = Steps::from_next_frame(PER_FRAME);
    let pending = {
        let policy = policy.clone();
        steps.part(move || view! { <changes::PendingChanges l policy /> }.into_any())
    };
    let notices = steps.part(|| view! { <notices::PolicyNoticesList /> }.into_any());
    let outline = paragraphs.clone();
    let toc = steps.part(move || table_of_contents(l, &outline).into_any());
    let mut paragraphs = paragraphs.into_iter().peekable();
    let mut text = Vec::new();
    while paragraphs.peek().is_some() {
        let chunk: Vec<_> = paragraphs.by_ref().take(PARAGRAPHS_PER_PART).collect();
        text.push(steps.part(move || {
            chunk
                .into_iter()
                .map(paragraph_view)
                .collect_view()
                .into_any()
        }));
    }
    let revision = policy.revision_on(today).to_string();
    let in_force_since = policy.in_force_since(today);
    let contact = policy.contact_on(today).to_string();
    let history = {
        let policy = policy.clone();
        steps.part(move || view! { <changes::ChangeHistory l policy /> }.into_any())
    };
    let versions = {
        let policy = policy.clone();
        steps.part(move || every_version(l, &policy, today))
    };
    steps.run(crate::dom::scroll_to_fragment);
    view! {
        <dl class="summary-list policy__meta">
            <div><dt>{td_string!(l, policy.version)}</dt><dd>{revision}</dd></div>
            <div><dt>{td_string!(l, policy.in_force_since)}</dt><dd>{format::day(in_force_since)}</dd></div>
            <div>
                <dt>{td_string!(l, policy.contact)}</dt>
                <dd><a href=format!("mailto:{contact}")>{contact.clone()}</a></dd>
            </div>
        </dl>
        {pending}
        {notices}
        {toc}
        <article class="policy__text" aria-label=td_string!(l, policy.text_label) lang="en">
            {text}
        </article>
        {history}
        {versions}
    }
    .into_any()
}

/// The privacy policy page.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    view! {
        <PageHeading page=Page::Policy />
        // The text is the legal English original; in another language the page says so.
        {move || {
            let locale = i18n.get_locale();
            (locale != Locale::en)
                .then(|| view! { <p class="policy__language-note">{td_string!(locale, policy.original_note)}</p> })
        }}
        <div class="policy">{async_view(|l| td_string!(l, load.policy), session.policy.loaded(), render)}</div>
    }
    .into_any()
}
