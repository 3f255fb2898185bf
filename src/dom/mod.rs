//! The browser, apart from the backend: facts and storage the portal reads or keeps (privacy signals, Save-Data,
//! the site's cookies, the chosen language, news of changes made by another tab), focus, scheduling and timing,
//! and Web Crypto.

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::cookies::{Choices, CookieCategory, CookieInfo, CookieParty};

/// The privacy signals this browser sends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrivacySignals {
    /// Global Privacy Control (`navigator.globalPrivacyControl`).
    pub gpc: bool,
    /// Do Not Track (`navigator.doNotTrack == "1"`).
    pub dnt: bool,
}

/// Reads the signals from `navigator` (the designer preview may pretend otherwise: `api::privacy_signals`).
pub fn privacy_signals() -> PrivacySignals {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return PrivacySignals::default();
    };
    let gpc = Reflect::get(&navigator, &JsValue::from_str("globalPrivacyControl"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let dnt = Reflect::get(&navigator, &JsValue::from_str("doNotTrack"))
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|v| v == "1" || v == "yes");
    PrivacySignals { gpc, dnt }
}

/// True when the browser asks sites to keep data use down (the Save-Data setting, `navigator.connection.saveData`):
/// nothing is then fetched ahead of need.
pub fn saves_data() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &JsValue::from_str("connection")).ok())
        .filter(JsValue::is_object)
        .and_then(|connection| Reflect::get(&connection, &JsValue::from_str("saveData")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

const DAY: u32 = 24 * 60 * 60;

/// Every first-party cookie this demo sets, with the placeholder value and lifetime (seconds) it gives it. Session
/// and security cookies of the company's websites are not set here: this portal has no sign-in of its own.
const DEMO_COOKIES: [(&str, &str, u32); 5] = [
    ("ict_consent", "recorded", 182 * DAY),
    ("ict_lang", "en", 365 * DAY),
    ("ict_recent", "none", 30 * DAY),
    ("ict_analytics_id", "demo-visitor", 395 * DAY),
    ("ict_events_ref", "portal", 30 * DAY),
];

fn demo_cookie(name: &str) -> Option<(&'static str, u32)> {
    DEMO_COOKIES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, value, max_age)| (*value, *max_age))
}

/// Deletes every cookie this portal may have set.
pub fn remove_portal_cookies() {
    if let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        for (name, _, _) in DEMO_COOKIES {
            set_cookie(&document, name, "", 0);
        }
    }
}

fn set_cookie(document: &web_sys::HtmlDocument, name: &str, value: &str, max_age: u32) {
    let cookie = format!("{name}={value}; path=/; max-age={max_age}; SameSite=Lax");
    let _set = document.set_cookie(&cookie);
}

/// Brings the site's first-party cookies in line with `consent`: cookies of allowed categories are set, every
/// cookie of a refused category is deleted at once. Without a choice only strictly necessary cookies may exist.
pub fn apply_cookie_choice(consent: Option<Choices>, catalogue: &[CookieInfo]) {
    let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    else {
        return;
    };
    for cookie in catalogue.iter().filter(|c| c.party == CookieParty::First) {
        let allowed = match consent {
            Some(choices) => choices.get(cookie.category),
            None => cookie.category == CookieCategory::StrictlyNecessary,
        };
        match demo_cookie(&cookie.name) {
            Some((value, max_age)) if allowed && consent.is_some() => {
                set_cookie(&document, &cookie.name, value, max_age)
            }
            _ if !allowed => set_cookie(&document, &cookie.name, "", 0),
            _ => {}
        }
    }
}

/// Calls `on_change` whenever another tab of the portal changes saved data (the `storage` event).
pub fn on_change_in_another_tab(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let ours = event
                .key()
                .is_none_or(|key| key.starts_with("icanopus-privacy-portal/"));
            if ours {
                on_change();
            }
        });
    let _added =
        window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the app.
    listener.forget();
}

/// Keeps keyboard focus clear of the sticky element with id `sticky_id` (the cookie banner at the foot of the
/// window): when focus lands on something it covers, the page scrolls just enough to show it above it (WCAG 2.4.11,
/// focus not obscured). Installed once, for the life of the app; does nothing while the element is absent.
pub fn keep_focus_clear_of(sticky_id: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let (Some(sticky), Some(focused)) = (
            document.get_element_by_id(sticky_id),
            event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ) else {
            return;
        };
        // Keyboard focus only: scrolling under a pointer between press and release would lose the click.
        if sticky.contains(Some(&focused)) || !focused.matches(":focus-visible").unwrap_or(false) {
            return;
        }
        let (covered, clear) = (
            sticky.get_bounding_client_rect(),
            focused.get_bounding_client_rect(),
        );
        let overlap = clear.bottom() - covered.top();
        if overlap > 0.0 && clear.top() < covered.bottom() {
            // A little room beyond the overlap, so the focus ring shows too.
            window.scroll_by_with_x_and_y(0.0, overlap + 12.0);
        }
    });
    let _added =
        window.add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// How long a lost focus is waited on: well beyond a slow save (the failure matrix delays answers by 5 s); a save
/// still running after that leaves focus where it is.
const FOCUS_WAIT_MS: f64 = 15_000.0;

thread_local! {
    /// True while a pointer press is being handled: focus it moves away is the user's doing, not a change's.
    static POINTER_PRESSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Counts focus losses, so only the newest one is watched.
    static FOCUS_LOSSES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Gives keyboard focus back when a change takes it away (WCAG 2.4.3): a button disabled while its save runs drops
/// focus on the page body, and so does the part of a page rebuilt with a result (a partner's card, a notice, the
/// cookie settings). When focus falls to the body from an element with an `id`, this waits (a frame at a time, up
/// to [`FOCUS_WAIT_MS`]) until that element is back and enabled and focuses it; when it has gone for good, the
/// element named by its `data-focus-next` attribute takes focus instead. Nothing happens when the user moved focus
/// meanwhile or pressed a pointer to blur it. Installed once, for the life of the app.
pub fn give_focus_back() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let pressing = Closure::<dyn Fn(web_sys::Event)>::new(|_: web_sys::Event| {
        POINTER_PRESSING.with(|p| p.set(true));
        leptos::prelude::set_timeout(
            || POINTER_PRESSING.with(|p| p.set(false)),
            std::time::Duration::ZERO,
        );
    });
    let lost = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let to_somewhere = Reflect::get(&event, &JsValue::from_str("relatedTarget"))
            .is_ok_and(|t| !t.is_null() && !t.is_undefined());
        if to_somewhere || POINTER_PRESSING.with(std::cell::Cell::get) {
            return;
        }
        let Some(from) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let id = from.id();
        if id.is_empty() {
            return;
        }
        let next = from.get_attribute("data-focus-next");
        let loss = FOCUS_LOSSES.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        watch_lost_focus(loss, id, next, now_ms() + FOCUS_WAIT_MS);
    });
    for (name, listener) in [("pointerdown", &pressing), ("focusout", &lost)] {
        let _added = window.add_event_listener_with_callback_and_bool(
            name,
            listener.as_ref().unchecked_ref(),
            true,
        );
    }
    pressing.forget();
    lost.forget();
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// One frame of [`give_focus_back`]'s wait for the element `id`.
fn watch_lost_focus(loss: u32, id: String, next: Option<String>, until: f64) {
    leptos::prelude::request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let still_lost = match (document.active_element(), document.body()) {
            (None, _) => true,
            (Some(active), Some(body)) => *body == active,
            (Some(_), None) => false,
        };
        if loss != FOCUS_LOSSES.with(std::cell::Cell::get) || !still_lost {
            return;
        }
        let enabled = |id: &str| {
            document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|e| (!e.has_attribute("disabled")).then_some(e))
        };
        let target = match enabled(&id) {
            Some(found) => found,
            None => next.as_deref().and_then(enabled).flatten(),
        };
        if let Some(target) = target {
            let _focused = target.focus();
            if document.active_element().is_some_and(|a| *a == **target) {
                return;
            }
        }
        if now_ms() < until {
            watch_lost_focus(loss, id, next, until);
        }
    });
}

/// Moves focus to the element `id`, if it is there (it should have `tabindex="-1"` unless it takes focus anyway).
pub fn focus_by_id(id: &str) {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _focused = target.focus();
    }
}

/// Resolves after `duration` (a browser timer; at once where no timer can be set).
pub async fn pause(duration: std::time::Duration) {
    let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            let _now = resolve.call0(&JsValue::NULL);
        }
    });
    let _done = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads the page again from the server: the answer when the app's code no longer matches the server's (a new version
/// was deployed while the page was open).
pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _reloading = window.location().reload();
    }
}

/// Whether the document has an element with this id.
pub fn has_element(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .is_some()
}

/// Moves focus to the element `id` if it is there and its `data-path` is `path` (a page heading of the page at that
/// path, not the previous page's, which stays on screen while the new page's code arrives); true when it did.
pub fn focus_heading_of(id: &str, path: &str) -> bool {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .filter(|e| e.get_attribute("data-path").as_deref() == Some(path))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    target.is_some_and(|target| target.focus().is_ok())
}

/// Scrolls to the element named by the URL's fragment (`/data#payment`, `/policy#retention-…`), if it is on the
/// page: called once a page's content is complete.
pub fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) {
        element.scroll_into_view();
    }
}

/// When focus is inside the element `from_id`, which is about to go, or already lost (a button disabled while it
/// works drops it on the page body), moves it to the element `to_id` once the element has gone, so a keyboard user
/// carries on from there instead of from the top of the page.
pub fn hand_focus_on(from_id: &str, to_id: &'static str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let body = document.body();
    let inside = match (
        document.get_element_by_id(from_id),
        document.active_element(),
    ) {
        (_, None) => true,
        (_, Some(active)) if body.as_ref().is_some_and(|b| **b == active) => true,
        (Some(from), Some(active)) => from.contains(Some(&active)),
        (None, Some(_)) => false,
    };
    if inside {
        leptos::prelude::request_animation_frame(move || focus_by_id(to_id));
    }
}

/// Copies `text` to the clipboard; true when done. False (instead of throwing) where the browser offers no
/// clipboard, as on a page served over plain HTTP, or refuses it: the caller then offers the text to copy by hand.
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let present = Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| clipboard.is_object());
    present
        && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}

/// Selects the whole text of the text field with id `id` and gives it focus, ready to be copied by hand.
pub fn select_text_of(id: &str) {
    if let Some(field) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _focused = field.focus();
        field.select();
    }
}

/// Lowercase hex of the SHA-256 of `data`, computed by the browser's Web Crypto (no hashing code in the bundle).
pub async fn sha256_hex(data: &[u8]) -> Result<String, String> {
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| "this browser offers no Web Crypto".to_string())?;
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", data)
        .map_err(|_| "the browser could not compute a checksum".to_string())?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "the browser could not compute a checksum".to_string())?;
    let digest = js_sys::Uint8Array::new(&digest).to_vec();
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// `n` random bytes from the browser's cryptographic generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| "this browser offers no Web Crypto".to_string())?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "the browser could not generate random values".to_string())?;
    Ok(bytes)
}

/// Runs `work`, timed with the User Timing API as the measure `name` (read by the benchmark and visible in the
/// browser's performance panel).
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    let end = format!("{name}-end");
    if let Some(performance) = &performance {
        let _marked = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _marked = performance.mark(&end);
        let _measured = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}

/// Lets the browser paint and handle input before long work continues (a macrotask turn), so work on thousands of
/// entries runs as several short tasks instead of one long one.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _scheduled = window.set_timeout_with_callback(&resolve);
        }
    });
    let _done = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` in a task of its own once the browser has nothing more pressing to do: input, painting and the
/// answers to requests already made come first (the Prioritized Task Scheduling API's "background" priority, where
/// the browser has it; elsewhere a zero timer, after the tasks already queued).
pub fn when_free(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(work);
    let scheduler =
        Reflect::get(&window, &JsValue::from_str("scheduler")).unwrap_or(JsValue::UNDEFINED);
    let post_task = Reflect::get(&scheduler, &JsValue::from_str("postTask"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(post_task) = post_task {
        let options = js_sys::Object::new();
        let _set = Reflect::set(
            &options,
            &JsValue::from_str("priority"),
            &JsValue::from_str("background"),
        );
        if post_task.call2(&scheduler, &callback, &options).is_ok() {
            return;
        }
    }
    let _scheduled = window.set_timeout_with_callback(callback.unchecked_ref());
}

/// Where this browser keeps the portal language chosen with the switcher (a preference of this browser, not
/// profile data: choosing a language here never adds optional information to the profile).
const LANGUAGE_KEY: &str = "icanopus-privacy-portal/language";

thread_local! {
    /// The language chosen during this visit, kept even when storage refuses it.
    static LANGUAGE_THIS_VISIT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The language chosen in this browser (this visit's choice first), if any.
pub fn saved_language() -> Option<String> {
    LANGUAGE_THIS_VISIT
        .with(|chosen| chosen.borrow().clone())
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.local_storage().ok().flatten())
                .and_then(|storage| storage.get_item(LANGUAGE_KEY).ok().flatten())
        })
}

/// Keeps the language chosen in this browser: for this visit always, and in storage unless it is disabled or full
/// (then the error says so).
pub fn save_language(language: &str) -> Result<(), String> {
    LANGUAGE_THIS_VISIT.with(|chosen| *chosen.borrow_mut() = Some(language.to_string()));
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "this browser does not let the portal keep settings".to_string())?;
    storage
        .set_item(LANGUAGE_KEY, language)
        .map_err(|_| "this browser's storage is full or refused the setting".to_string())
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}
