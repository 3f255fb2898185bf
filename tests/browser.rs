//! Browser tests (wasm-bindgen-test in headless Chromium): the overview's error state and recovery, and
//! component behaviour, on the real DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use privacy_portal::api;
use privacy_portal::components::async_view::ErrorPanel;
use privacy_portal::components::status_badge::StatusBadge;
use privacy_portal::domain::requests::RequestStatus;
use privacy_portal::i18n::I18nContextProvider;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function fake_backend(documents) {
  window.fetch = async (input) => {
    const url = typeof input === 'string' ? input : input.url;
    const name = url.split('/').pop();
    if (!(name in documents)) {
      return new Response('missing', { status: 404 });
    }
    return new Response(documents[name], { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
export function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
"#)]
extern "C" {
    /// Replaces `window.fetch` with a backend answering from `documents` (file name → JSON text).
    fn fake_backend(documents: &js_sys::Object);
    fn sleep(ms: u32) -> js_sys::Promise;
}

const SEED: [(&str, &str); 9] = [
    (
        "profile.json",
        include_str!("../public/api/personas/asha/profile.json"),
    ),
    (
        "inventory.json",
        include_str!("../public/api/personas/asha/inventory.json"),
    ),
    (
        "communications.json",
        include_str!("../public/api/personas/asha/communications.json"),
    ),
    (
        "cookies.json",
        include_str!("../public/api/personas/asha/cookies.json"),
    ),
    (
        "requests.json",
        include_str!("../public/api/personas/asha/requests.json"),
    ),
    (
        "activity.json",
        include_str!("../public/api/personas/asha/activity.json"),
    ),
    (
        "sharing.json",
        include_str!("../public/api/personas/asha/sharing.json"),
    ),
    ("policy.json", include_str!("../public/api/policy.json")),
    ("personas.json", include_str!("../public/api/personas.json")),
];

fn serve_seed() {
    let documents = js_sys::Object::new();
    for (name, text) in SEED {
        js_sys::Reflect::set(&documents, &name.into(), &text.into()).unwrap();
    }
    fake_backend(&documents);
}

/// Polls `done` until it holds, for up to 10 s; on failure, reports `what` and the text under `root`.
async fn wait_for(what: &str, root: &web_sys::Element, mut done: impl FnMut() -> bool) {
    for _ in 0..1500 {
        if done() {
            return;
        }
        wasm_bindgen_futures::JsFuture::from(sleep(20))
            .await
            .unwrap();
    }
    panic!(
        "{what}: not seen within 30 s; the page reads: {}",
        root.text_content().unwrap_or_default()
    );
}

fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

fn buttons_named(root: &web_sys::Element, name: &str) -> Vec<web_sys::HtmlButtonElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlButtonElement>())
        .filter(|button| button.text_content().unwrap_or_default().trim() == name)
        .collect()
}

#[wasm_bindgen_test]
async fn overview_shows_errors_with_try_again_then_recovers() {
    // A backend with no documents: every read fails with HTTP 404, at once (the test runner's own server, asked
    // for missing files, could keep a read waiting for a connection).
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    fake_backend(&js_sys::Object::new());
    api::use_mock_backend();
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), privacy_portal::App);

    wait_for("seven error panels", &root, || {
        root.query_selector_all("[role=alert]").unwrap().length() >= 7
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(text.contains("We could not load your requests"), "{text}");
    assert!(text.contains("error 404"), "{text}");
    assert_eq!(
        root.query_selector_all("h1").unwrap().length(),
        1,
        "one h1 even when everything fails"
    );

    // The backend comes back: every "Try again" brings its card's content.
    serve_seed();
    api::use_mock_backend();
    for button in buttons_named(&root, "Try again") {
        button.click();
    }
    wait_for("no error panel", &root, || {
        root.query_selector_all("[role=alert]").unwrap().length() == 0
    })
    .await;
    wait_for("the open request", &root, || {
        root.text_content().unwrap().contains("PR-2026-0412")
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Welcome back, Asha."), "{text}");
    assert!(text.contains("Support engineer"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
async fn error_panel_retry_runs_once_and_shows_progress() {
    let root = container();
    let retrying = RwSignal::new(false);
    let calls = RwSignal::new(0);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider enable_cookie=false>
            <ErrorPanel
                title="We could not load your requests"
                message="The server had a problem (error 500)."
                on_retry=Callback::new(move |_| {
                    calls.update(|n| *n += 1);
                    retrying.set(true);
                })
                retrying=Signal::from(retrying)
            />
            </I18nContextProvider>
        }
    });
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert.text_content().unwrap().contains("error 500"));
    let button = buttons_named(&root, "Try again")
        .pop()
        .expect("a Try again button");
    button.click();
    wait_for("the button disabled", &root, || button.disabled()).await;
    assert_eq!(button.text_content().unwrap(), "Trying again…");
    button.click(); // disabled: a double click must not retry twice
    assert_eq!(calls.get_untracked(), 1);
    root.remove();
}

#[wasm_bindgen_test]
fn status_badge_names_the_status_and_its_tone() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! {
            <I18nContextProvider enable_cookie=false>
                <StatusBadge status=RequestStatus::InReview />
                <StatusBadge status=RequestStatus::Declined />
            </I18nContextProvider>
        }
    });
    let badges = root.query_selector_all(".status-badge").unwrap();
    assert_eq!(badges.length(), 2);
    let first: web_sys::Element = badges.item(0).unwrap().unchecked_into();
    assert_eq!(first.text_content().unwrap(), "In review");
    assert!(first.class_list().contains("status-badge--progress"));
    let second: web_sys::Element = badges.item(1).unwrap().unchecked_into();
    assert_eq!(second.text_content().unwrap(), "Declined");
    assert!(second.class_list().contains("status-badge--problem"));
    root.remove();
}

/// Dates go through cached `Intl.DateTimeFormat`s: the text is the browser's own for the language and zone chosen,
/// a change of language or zone is honoured at once (no stale formatter), and an unknown one falls back.
#[wasm_bindgen_test]
fn dates_follow_the_chosen_language_and_zone_and_fall_back_when_unknown() {
    use privacy_portal::text::format::{self, DisplayPrefs};
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-29T04:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let set = |language: &str, zone: &str| {
        format::set_display_prefs(DisplayPrefs {
            language: Some(language.into()),
            time_zone: Some(zone.into()),
        })
    };
    set("en-GB", "Asia/Kolkata");
    assert_eq!(format::date_time(at), "29 Nov 2026, 10:00");
    set("en-GB", "UTC");
    assert_eq!(format::date_time(at), "29 Nov 2026, 04:30");
    set("de-DE", "Asia/Kolkata");
    assert_eq!(format::date_time(at), "29.11.2026, 10:00");
    // Formatting thousands of dates reuses the formatter and stays fast.
    let started = js_sys::Date::now();
    for _ in 0..2_000 {
        assert_eq!(format::date(at), "29.11.2026");
    }
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 1_000.0, "2,000 dates took {elapsed} ms");
    // An unknown time zone or language falls back to the browser's rather than failing.
    set("en-GB", "Mars/Olympus_Mons");
    assert!(format::date_time(at).starts_with("29 Nov 2026"));
    set("xx-not-a-language-!!", "UTC");
    assert!(!format::date_time(at).is_empty());
    format::set_display_prefs(DisplayPrefs::default());
}

/// A part of a page rebuilt when its data changes: its first build waits for the frame after the page opens (the
/// opening task already holds the page before it), a rebuild starts at once so the page keeps its height.
#[wasm_bindgen_test]
async fn steps_on_open_wait_a_frame_the_first_time_only() {
    use privacy_portal::components::in_steps::{Steps, PER_FRAME};
    let root = container();
    let revision = RwSignal::new(0);
    let parts = 5;
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let opened = StoredValue::new(false);
        view! {
            <div>
                {move || {
                    revision.track();
                    let steps = Steps::on_open(opened, PER_FRAME);
                    let views: Vec<AnyView> = (0..parts)
                        .map(|i| steps.part(move || view! { <p class="part">{i}</p> }.into_any()))
                        .collect();
                    steps.run(|| ());
                    views
                }}
            </div>
        }
    });
    let count = || root.query_selector_all("p.part").unwrap().length() as usize;
    assert_eq!(
        count(),
        0,
        "nothing is built in the task that opens the page"
    );
    wait_for("every part", &root, || count() == parts).await;
    revision.set(1);
    leptos::task::tick().await;
    assert_eq!(count(), PER_FRAME, "a rebuild starts at once");
    wait_for("every part again", &root, || count() == parts).await;
    root.remove();
}

/// The time-zone suggestions use current IANA names, each of which this browser accepts: the user's saved
/// `Asia/Kolkata` is among them even though Chromium lists it as `Asia/Calcutta`.
#[wasm_bindgen_test]
fn time_zone_suggestions_use_current_names_the_browser_accepts() {
    use privacy_portal::domain::profile_rules::RENAMED_ZONES;
    use privacy_portal::text::format;
    let zones = format::time_zones();
    assert!(zones.len() > 300, "{} zones", zones.len());
    assert!(zones.iter().any(|z| z == "Asia/Kolkata"));
    for (former, current) in RENAMED_ZONES {
        assert!(!zones.iter().any(|z| z == former), "{former} still offered");
        assert!(format::is_time_zone(current), "{current} not accepted");
    }
}

/// A long page built in steps: the first parts at once, the rest a few per animation frame in order, and the
/// "done" callback once, after the last part is on the page.
#[wasm_bindgen_test]
async fn steps_build_the_first_parts_at_once_and_the_rest_frame_by_frame() {
    use privacy_portal::components::in_steps::{Steps, PER_FRAME};
    let root = container();
    let done_with = RwSignal::new(Vec::<usize>::new());
    let parts = 7;
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let steps = Steps::new();
        let views: Vec<AnyView> = (0..parts)
            .map(|i| steps.part(move || view! { <p class="part">{i}</p> }.into_any()))
            .collect();
        steps.run(move || {
            let on_page = document().query_selector_all("p.part").unwrap().length() as usize;
            done_with.update(|d| d.push(on_page));
        });
        view! { <div>{views}</div> }
    });
    let count = || root.query_selector_all("p.part").unwrap().length() as usize;
    assert_eq!(
        count(),
        PER_FRAME,
        "only the first parts are built with the page"
    );
    wait_for("every part", &root, || count() == parts).await;
    let texts: Vec<String> = (0..parts)
        .map(|i| {
            root.query_selector_all("p.part")
                .unwrap()
                .item(i as u32)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        texts,
        ["0", "1", "2", "3", "4", "5", "6"],
        "parts keep their order"
    );
    wait_for("the done callback", &root, || {
        !done_with.get_untracked().is_empty()
    })
    .await;
    wasm_bindgen_futures::JsFuture::from(sleep(100))
        .await
        .unwrap();
    assert_eq!(
        done_with.get_untracked(),
        vec![parts],
        "done runs once, with every part on the page"
    );
    root.remove();
}
