//! The designer preview's component gallery (`preview` feature only): every shared component in each state it can
//! take, built from the real components, with theme and width switches kept in the query string. A team tool, so
//! its own words are English; the components in it speak the portal's language.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{self, ApiError, Endpoint, StorageError};
use crate::components::async_view::{ErrorPanel, LoadingPanel};
use crate::components::cookie_banner;
use crate::components::empty_panel::EmptyPanel;
use crate::components::error_summary::{ErrorSummary, FieldProblem};
use crate::components::notice_area::NoticeCard;
use crate::components::page_heading::PageHeading;
use crate::components::record_card::RecordCard;
use crate::components::request_timeline::RequestTimeline;
use crate::components::reset_demo::ResetDemo;
use crate::components::status_badge::StatusBadge;
use crate::components::summary_card::SummaryCard;
use crate::components::text_field::{TextField, TextKind};
use crate::components::toggle::Toggle;
use crate::domain::cookies::AskReason;
use crate::domain::profile_rules::Problem;
use crate::domain::records::{held_records, FieldKey};
use crate::domain::requests::RequestStatus;
use crate::i18n::{td_string, use_i18n};
use crate::routes::Page;
use crate::state::notices::NoticeKind;
use crate::state::session::use_session;
use crate::text::format::fill;
use crate::text::labels;

/// The gallery's path; never a page of the portal.
pub const PATH: &str = "/gallery";

/// The colour theme the gallery shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    const ALL: [(Theme, &'static str, &'static str); 3] = [
        (Theme::System, "system", "As the system"),
        (Theme::Light, "light", "Light"),
        (Theme::Dark, "dark", "Dark"),
    ];

    fn from_query(value: Option<String>) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|(_, key, _)| Some(*key) == value.as_deref())
            .map_or(Theme::System, |(theme, _, _)| theme)
    }

    fn key(self) -> &'static str {
        Theme::ALL
            .into_iter()
            .find(|(theme, _, _)| *theme == self)
            .map_or("system", |(_, key, _)| key)
    }
}

/// Sets (or, for the system theme, clears) the theme the tokens follow (`data-theme` on `<html>`).
fn apply_theme(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _done = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            theme => root.set_attribute("data-theme", theme.key()),
        };
    }
}

/// One labelled state of a component.
#[component]
fn State(
    /// What the state is, e.g. "Off, disabled".
    name: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="gallery__state">
            <figcaption class="gallery__caption">{name}</figcaption>
            <div class="gallery__sample">{children()}</div>
        </figure>
    }
    .into_any()
}

/// A group of states of one component.
#[component]
fn Group(
    /// The heading's id.
    id: &'static str,
    /// The component's name.
    title: &'static str,
    /// Where it is used, or what to note.
    note: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="gallery__group" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <p class="muted">{note}</p>
            <div class="gallery__states">{children()}</div>
        </section>
    }
    .into_any()
}

/// A toggle the visitor can flip.
fn toggle(id: &'static str, on: bool, disabled: bool) -> AnyView {
    let state = RwSignal::new(on);
    let l = use_i18n().get_locale_untracked();
    view! {
        <Toggle
            id
            label=labels::cookie_category_title(l, crate::domain::cookies::CookieCategory::Analytics).0
            on=state
            disabled=Signal::derive(move || disabled)
            on_change=Callback::new(move |now| state.set(now))
        />
    }
    .into_any()
}

fn toggles() -> AnyView {
    let l = use_i18n().get_locale_untracked();
    let locked = RwSignal::new(true);
    view! {
        <Group id="gallery-toggles" title="Toggle" note="A switch per cookie category (banner and cookie settings).">
            <State name="On">{toggle("gallery-toggle-on", true, false)}</State>
            <State name="Off">{toggle("gallery-toggle-off", false, false)}</State>
            <State name="Locked (always on)">
                <Toggle
                    id="gallery-toggle-locked"
                    label=labels::cookie_category_title(l, crate::domain::cookies::CookieCategory::StrictlyNecessary).0
                    on=locked
                    disabled=Signal::derive(|| true)
                    on_change=Callback::new(move |now| locked.set(now))
                />
            </State>
            <State name="Disabled (while saving)">{toggle("gallery-toggle-disabled", false, true)}</State>
            <State name="Focused">
                <div class="gallery__focused">{toggle("gallery-toggle-focused", false, false)}</div>
            </State>
        </Group>
    }
    .into_any()
}

fn fields() -> AnyView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let none = Signal::derive(Vec::new);
    let problems = Signal::derive(move || {
        let l = i18n.get_locale();
        vec![
            FieldProblem {
                field: "gallery-field-error",
                message: labels::problem(
                    l,
                    &labels::in_sentence(l, labels::field(l, FieldKey::TimeZone)),
                    Problem::Missing,
                ),
            },
            FieldProblem {
                field: "gallery-field-secret",
                message: labels::problem(l, "", Problem::Mismatch),
            },
        ]
    });
    let label = labels::field(l, FieldKey::TimeZone);
    view! {
        <Group id="gallery-fields" title="Text field" note="Profile, corrections, security question, deletion.">
            <State name="Empty">
                <TextField id="gallery-field-empty" label problems=none value=RwSignal::new(String::new()) />
            </State>
            <State name="Filled">
                <TextField
                    id="gallery-field-filled"
                    label
                    problems=none
                    value=RwSignal::new("Asia/Kolkata".to_string())
                />
            </State>
            <State name="With hint">
                <TextField
                    id="gallery-field-hint"
                    label
                    hint=fill(td_string!(l, profile.answer_hint), &[("min", &3)])
                    problems=none
                    value=RwSignal::new(String::new())
                />
            </State>
            <State name="With error">
                <TextField id="gallery-field-error" label problems value=RwSignal::new(String::new()) />
            </State>
            <State name="Secret, with error">
                <TextField
                    id="gallery-field-secret"
                    label=td_string!(l, labels.field.answer)
                    problems
                    value=RwSignal::new("kolam".to_string())
                    kind=TextKind::Secret
                />
            </State>
            <State name="Several lines">
                <TextField
                    id="gallery-field-lines"
                    label=td_string!(l, profile.anything_else)
                    problems=none
                    value=RwSignal::new(String::new())
                    kind=TextKind::Lines(2)
                />
            </State>
            <State name="Focused">
                <div class="gallery__focused">
                    <TextField id="gallery-field-focused" label problems=none value=RwSignal::new(String::new()) />
                </div>
            </State>
        </Group>
        <Group
            id="gallery-error-summary"
            title="Error summary"
            note="At the top of a form with problems; its links move to the fields above."
        >
            <State name="Two problems">
                <ErrorSummary problems />
            </State>
        </Group>
    }
    .into_any()
}

fn badges() -> AnyView {
    view! {
        <Group id="gallery-badges" title="Status badge" note="Every request status.">
            {RequestStatus::ALL
                .into_iter()
                .map(|status| {
                    view! {
                        <State name=match status {
                            RequestStatus::Received => "Received",
                            RequestStatus::InReview => "In review",
                            RequestStatus::Preparing => "Preparing",
                            RequestStatus::Ready => "Ready",
                            RequestStatus::Expired => "Expired",
                            RequestStatus::Scheduled => "Scheduled",
                            RequestStatus::RemovedFromActive => "Removed from active",
                            RequestStatus::Completed => "Completed",
                            RequestStatus::Declined => "Declined",
                            RequestStatus::Cancelled => "Cancelled",
                        }>
                            <StatusBadge status />
                        </State>
                    }
                })
                .collect_view()}
        </Group>
    }
    .into_any()
}

fn dialogs() -> AnyView {
    view! {
        <Group
            id="gallery-dialogs"
            title="Confirmation"
            note="Reset demo data asks first (its “Yes” really resets). Leaving unsaved changes uses the browser's own dialog."
        >
            <State name="Closed">
                <ResetDemo />
            </State>
            <State name="Open">
                <ResetDemo open=true />
            </State>
        </Group>
    }
    .into_any()
}

fn banners() -> AnyView {
    let session = use_session();
    let i18n = use_i18n();
    let body = move || {
        let l = i18n.get_locale();
        let (Some(Ok(settings)), Some(Ok(policy))) = (session.cookies.get(), session.policy.get())
        else {
            return view! { <LoadingPanel what=|l| td_string!(l, load.cookies) /> }.into_any();
        };
        // A revision other than the one in force, as a returning user's older choice would name.
        let current = policy.revision_on(api::now().date_naive()).to_string();
        let earlier = std::iter::once(&policy.revision)
            .chain(policy.changes.iter().map(|c| &c.revision))
            .find(|revision| **revision != current)
            .cloned()
            .unwrap_or_else(|| "2014-01-01".to_string());
        let first = cookie_banner::banner(
            settings.clone(),
            policy.clone(),
            AskReason::FirstVisit,
            l,
            "gallery-banner-first",
            cookie_banner::BannerDraft::closed(),
        );
        let expired = cookie_banner::banner(
            settings.clone(),
            policy.clone(),
            AskReason::Expired,
            l,
            "gallery-banner-expired",
            cookie_banner::BannerDraft::closed(),
        );
        let changed = cookie_banner::banner(
            settings,
            policy,
            AskReason::PolicyChanged {
                given_under: earlier,
            },
            l,
            "gallery-banner-changed",
            cookie_banner::BannerDraft::closed(),
        );
        view! {
            <State name="First visit">{first}</State>
            <State name="After 6 months">{expired}</State>
            <State name="After a policy change">{changed}</State>
        }
        .into_any()
    };
    view! {
        <Group
            id="gallery-banner"
            title="Cookie banner"
            note="Its choices really save. “Choose” opens the toggles. With “Pretend GPC” in the preview panel it also explains the signal."
        >
            {body}
        </Group>
    }
    .into_any()
}

fn panels() -> AnyView {
    let retrying = RwSignal::new(false);
    let retry = Callback::new(move |()| {
        retrying.set(true);
        set_timeout(
            move || retrying.set(false),
            std::time::Duration::from_millis(1500),
        );
    });
    let errors = [
        (
            "Offline",
            ApiError::Network {
                endpoint: Endpoint::Requests,
            },
        ),
        (
            "HTTP 500",
            ApiError::Status {
                endpoint: Endpoint::Requests,
                status: 500,
            },
        ),
        (
            "HTTP 404",
            ApiError::Status {
                endpoint: Endpoint::Requests,
                status: 404,
            },
        ),
        (
            "Malformed data",
            ApiError::Malformed {
                endpoint: Endpoint::Requests,
                detail: "expected a list".to_string(),
            },
        ),
        (
            "Storage full",
            ApiError::Storage(StorageError::QuotaExceeded),
        ),
    ];
    let i18n = use_i18n();
    let error_states = move || {
        let l = i18n.get_locale();
        errors
            .iter()
            .map(|(name, error)| {
                let title = labels::error_title(l, error);
                let message = labels::error_text(l, error);
                view! {
                    <State name=*name>
                        <ErrorPanel
                            title
                            message
                            on_retry=retry
                            retrying=retrying.into()
                        />
                    </State>
                }
            })
            .collect_view()
    };
    let l = i18n.get_locale_untracked();
    view! {
        <Group
            id="gallery-panels"
            title="Loading, error and empty panels"
            note="Every read shows these; “Try again” here shows its busy state."
        >
            <State name="Loading">
                <LoadingPanel what=|l| td_string!(l, load.requests) />
            </State>
            <State name="Loading, taking longer than usual">
                <LoadingPanel what=|l| td_string!(l, load.requests) on_retry=Callback::new(|_| ()) slow_now=true />
            </State>
            {error_states}
            <State name="Empty">
                <EmptyPanel message=td_string!(l, requests.none_yet) />
            </State>
            <State name="Empty, with a way on">
                <EmptyPanel message=td_string!(l, data.nothing_matches)>
                    <p>
                        {td_string!(l, data.try_other)}
                        <a href=Page::Data.href()>{td_string!(l, data.show_everything)}</a>
                        "."
                    </p>
                </EmptyPanel>
            </State>
        </Group>
    }
    .into_any()
}

fn notices() -> AnyView {
    let l = use_i18n().get_locale_untracked();
    let shown = RwSignal::new([true, true]);
    let card = move |index: usize, kind: NoticeKind, text: &'static str| {
        move || {
            if shown.with(|s| s[index]) {
                view! {
                    <NoticeCard kind text on_dismiss=Callback::new(move |()| shown.update(|s| s[index] = false)) />
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="button button--quiet" on:click=move |_| shown.update(|s| s[index] = true)>
                        "Show the notice again"
                    </button>
                }
                .into_any()
            }
        }
    };
    view! {
        <Group id="gallery-notices" title="Notice" note="Announced at the top of the page after a save, a reset or storage trouble.">
            <State name="Success">{card(0, NoticeKind::Success, td_string!(l, demo.reset_done))}</State>
            <State name="Warning">{card(1, NoticeKind::Warning, td_string!(l, store.corrupted))}</State>
        </Group>
    }
    .into_any()
}

fn cards() -> AnyView {
    let session = use_session();
    let i18n = use_i18n();
    let timeline = move || {
        session
            .requests
            .get()
            .and_then(Result::ok)
            .and_then(|log| log.newest_first().into_iter().next())
            .map(|request| view! { <State name="Request timeline (newest request)"><RequestTimeline request /></State> })
    };
    // Two records of the demo user's: an account-wide one and a product's.
    let records = move || {
        let (Some(Ok(profile)), Some(Ok(inventory))) =
            (session.profile.get(), session.inventory.get())
        else {
            return None;
        };
        let l = use_i18n().get_locale();
        let all = held_records(&profile, &inventory);
        let account = all.iter().find(|r| r.product.is_none()).cloned();
        let product = all.iter().find(|r| r.product.is_some()).cloned();
        Some(view! {
            {account.map(|record| view! { <State name="Record card, account-wide"><RecordCard l record /></State> })}
            {product.map(|record| view! { <State name="Record card, a product's"><RecordCard l record /></State> })}
        })
    };
    view! {
        <Group id="gallery-cards" title="Cards and timeline" note="The overview's cards; /data's records; a request's page.">
            <State name="Summary card">
                <SummaryCard
                    title=move || Page::Requests.title(i18n.get_locale())
                    id="gallery-card-title"
                    href=Page::Requests.href()
                    link_text=move || Page::Requests.nav_label(i18n.get_locale())
                >
                    <p>{move || td_string!(i18n.get_locale(), requests.none_yet)}</p>
                </SummaryCard>
            </State>
            {records}
            {timeline}
        </Group>
    }
    .into_any()
}

/// The gallery.
#[component]
pub fn GalleryPage() -> impl IntoView {
    // The switches are kept in the link, replaced in place: the router does not see the change (this page is its
    // fallback, which a navigation would build afresh).
    let query = use_location().query;
    let theme = RwSignal::new(Theme::from_query(query.with_untracked(|q| q.get("theme"))));
    let narrow =
        RwSignal::new(query.with_untracked(|q| q.get("width").as_deref() == Some("narrow")));
    Effect::new(move |_| apply_theme(theme.get()));
    on_cleanup(|| apply_theme(Theme::System));
    let go = move |next: Theme, is_narrow: bool| {
        theme.set(next);
        narrow.set(is_narrow);
        let width = if is_narrow { "&width=narrow" } else { "" };
        let url = format!("{PATH}?theme={}{width}", next.key());
        if let Ok(history) = window().history() {
            let _replaced =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    };
    let theme_choices = {
        Theme::ALL
            .into_iter()
            .map(|(value, key, name)| {
                view! {
                    <label class="gallery__choice">
                        <input
                            type="radio"
                            name="gallery-theme"
                            value=key
                            prop:checked=move || theme.get() == value
                            on:change=move |_| go(value, narrow.get_untracked())
                        />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    let width_choices = [(false, "Wide"), (true, "Narrow (375 px)")]
        .into_iter()
        .map(|(value, name)| {
            view! {
                <label class="gallery__choice">
                    <input
                        type="radio"
                        name="gallery-width"
                        prop:checked=move || narrow.get() == value
                        on:change=move |_| go(theme.get_untracked(), value)
                    />
                    {name}
                </label>
            }
        })
        .collect_view();
    view! {
        <PageHeading title=Signal::derive(|| "Component gallery".to_string()) />
        <p class="gallery__lead">
            "Every shared component in each state it can take, as the portal renders it (designer preview only)."
        </p>
        <div class="gallery__switches">
            <fieldset>
                <legend>"Theme"</legend>
                {theme_choices}
            </fieldset>
            <fieldset>
                <legend>"Width"</legend>
                {width_choices}
            </fieldset>
        </div>
        <div class="gallery" class:gallery--narrow=move || narrow.get()>
            {toggles()}
            {fields()}
            {badges()}
            {dialogs()}
            {banners()}
            {panels()}
            {notices()}
            {cards()}
        </div>
    }
    .into_any()
}
