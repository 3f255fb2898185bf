//! The cookie banner: asks for a choice on a first visit, after 6 months, and when the policy changes. "Accept
//! all", "Reject all" and "Choose" are equal buttons on the first layer; nothing is pre-ticked; it sits at the foot
//! of the window and never blocks reading.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api;
use crate::components::async_view::LoadingPanel;
use crate::components::cookie_choices::CookieChoices;
use crate::components::split_code::{
    code_missing, when_code_arrives, Fetching, Meanwhile, SplitCode,
};
use crate::domain::cookies::{
    AskReason, Choices, ConsentMethod, CookieSettings, Effective, OPTIONAL_CATEGORIES,
};
use crate::domain::policy::PolicyDocument;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::consent::{use_consent, ConsentRequest};
use crate::state::session::use_session;
use crate::text::format::fill;

/// The sentence explaining why the banner asks now, in `locale`. (Placeholders in braces are filled here; the
/// change's summary comes from the policy document, in English.)
fn reason_text(reason: &AskReason, policy: &PolicyDocument, locale: Locale) -> String {
    match reason {
        AskReason::FirstVisit => td_string!(locale, banner.first_visit).to_string(),
        AskReason::Expired => td_string!(locale, banner.expired).to_string(),
        AskReason::PolicyChanged { given_under } => {
            let current = policy.revision_on(api::now().date_naive());
            let change = policy
                .changes
                .iter()
                .rev()
                .find(|c| c.revision == current)
                .map(|c| {
                    fill(
                        td_string!(locale, banner.what_changed),
                        &[("summary", &c.summary)],
                    )
                })
                .unwrap_or_default();
            fill(
                td_string!(locale, banner.policy_changed),
                &[
                    ("given", given_under),
                    ("current", &current),
                    ("change", &change),
                ],
            )
        }
    }
}

/// The banner's choice of categories ("Choose"): the same form as the cookie settings page's.
#[derive(Clone)]
struct ChoicesForm {
    settings: CookieSettings,
    choices: RwSignal<Choices>,
    current: [Effective; 4],
    on_save: Callback<Choices>,
    saving: Signal<bool>,
    id: &'static str,
}

impl ChoicesForm {
    fn view(self) -> AnyView {
        view! {
            <CookieChoices
                settings=self.settings
                current=self.current
                choices=self.choices
                on_save=self.on_save
                saving=self.saving
                id_prefix=self.id
            />
        }
        .into_any()
    }
}

// The form comes from a module of its own (`wasm_split`; the module `banner_choices`, a name no page's path has, see
// scripts/post-build.mjs), fetched in the background before the pages' code, or when "Choose" is pressed: most
// visitors answer with one of the two buttons, and the first load does without the form's code (the main module 8.1
// KiB of gzip smaller, measured).
#[cfg(not(feature = "unsplit"))]
#[leptos::wasm_split::wasm_split(banner_choices, fallible, wasm_split_path = ::leptos::wasm_split, preload(fetch_choices_code))]
fn choices_view(form: Box<ChoicesForm>) -> Result<AnyView, SplitLoaderError> {
    Ok(form.view())
}

// One module (the browser tests, whose runner cannot load split modules): the form is already there.
#[cfg(feature = "unsplit")]
async fn choices_view(form: Box<ChoicesForm>) -> Result<AnyView, SplitLoaderError> {
    Ok(form.view())
}

#[cfg(feature = "unsplit")]
async fn fetch_choices_code() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// Fetches the code of the banner's choices without showing them.
pub fn fetch_choices() -> Fetching {
    Box::pin(fetch_choices_code())
}

/// The banner's choices once their code is there; until then a loading panel, or why it could not be fetched and a
/// "Try again". The two answer buttons work meanwhile.
fn choices_panel(form: ChoicesForm) -> AnyView {
    // Where focus goes when a retry brings the form: its first switch that can be changed.
    let first_switch = format!("{}-{}", form.id, OPTIONAL_CATEGORIES[0].key());
    let code = SplitCode {
        fetch: Arc::new(fetch_choices),
        build: Arc::new(move || Box::pin(choices_view(Box::new(form.clone())))),
    };
    when_code_arrives(
        code,
        Some(fetch_choices()),
        move |meanwhile| match meanwhile {
            Meanwhile::Loading => {
                view! { <LoadingPanel what=|l| td_string!(l, load.cookies) /> }.into_any()
            }
            Meanwhile::Failed { retry, retrying } => code_missing(
                |l| td_string!(l, load.cookies),
                retry,
                retrying,
                Some(first_switch.clone()),
            ),
        },
    )
}

/// Whether the banner's choices are open, and which are ticked: held outside the banner, which is rebuilt when the
/// settings refresh or the language changes, so neither is lost.
#[derive(Clone, Copy)]
pub struct BannerDraft {
    choosing: RwSignal<bool>,
    choices: RwSignal<Choices>,
}

impl BannerDraft {
    pub fn closed() -> Self {
        Self {
            choosing: RwSignal::new(false),
            choices: RwSignal::new(Choices::NONE),
        }
    }
}

/// The banner itself, asking for `reason`; `id` names it and prefixes its inner ids (so the designer gallery can
/// show several at once).
pub fn banner(
    settings: CookieSettings,
    policy: Arc<PolicyDocument>,
    reason: AskReason,
    locale: Locale,
    id: &'static str,
    draft: BannerDraft,
) -> AnyView {
    let consent = use_consent();
    let choosing = draft.choosing;
    let saving = Signal::derive(move || consent.saving());
    let signals = api::privacy_signals();
    let now = api::now();
    // Read once: the banner is not rebuilt when a request changes (a rebuild hands focus on, see below).
    let objected = untrack(|| use_session().marketing_objected_on());
    let current = settings.effective_now(
        signals.gpc,
        now,
        policy.revision_on(now.date_naive()),
        objected,
    );
    let text = reason_text(&reason, &policy, locale);
    // Answered (or replaced): a keyboard user carries on from the main content, not from the top of the page.
    on_cleanup(move || crate::dom::hand_focus_on(id, "main"));
    let choose = move |choices: Choices| {
        consent.save.dispatch(ConsentRequest {
            choices,
            method: ConsentMethod::Banner,
        });
    };
    view! {
        <section class="cookie-banner" id=id aria-labelledby=format!("{id}-title")>
            <div class="cookie-banner__inner">
                <h2 class="cookie-banner__title" id=format!("{id}-title")>{td_string!(locale, banner.title)}</h2>
                <p>{text}</p>
                {signals.gpc.then(|| view! {
                    <p class="muted">
                        {td_string!(locale, banner.gpc)}
                    </p>
                })}
                <div class="cookie-banner__buttons">
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::ALL)>
                        {td_string!(locale, banner.accept_all)}
                    </button>
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::NONE)>
                        {td_string!(locale, banner.reject_all)}
                    </button>
                    <button
                        type="button"
                        class="cookie-banner__button"
                        aria-expanded=move || choosing.get().to_string()
                        aria-controls=format!("{id}-choices")
                        on:click=move |_| choosing.update(|c| *c = !*c)
                    >
                        {td_string!(locale, banner.choose)}
                    </button>
                </div>
                <div id=format!("{id}-choices") class="cookie-banner__choices" class:cookie-banner__choices--open=move || choosing.get()>
                    <Show when=move || choosing.get()>
                        {choices_panel(ChoicesForm {
                            settings: settings.clone(),
                            choices: draft.choices,
                            current,
                            on_save: Callback::new(choose),
                            saving,
                            id,
                        })}
                    </Show>
                </div>
                <p class="cookie-banner__more">
                    <A href=Page::Cookies.href()>{td_string!(locale, banner.more)}</A>
                </p>
            </div>
        </section>
    }
    .into_any()
}

/// The id of the banner users meet (the gallery's copies take others).
pub const BANNER_ID: &str = "cookie-banner";

/// Shows the banner when a choice is needed (never on the cookie settings page, which offers the same choice).
#[component]
pub fn CookieBanner() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let pathname = use_location().pathname;
    let draft = BannerDraft::closed();
    move || {
        if pathname.get() == Page::Cookies.href() {
            return ().into_any();
        }
        let (Some(Ok(settings)), Some(Ok(policy))) = (session.cookies.get(), session.policy.get())
        else {
            return ().into_any();
        };
        let now = api::now();
        match settings.ask_reason(now, policy.revision_on(now.date_naive())) {
            Some(reason) => banner(
                settings,
                policy,
                reason,
                i18n.get_locale(),
                BANNER_ID,
                draft,
            ),
            None => ().into_any(),
        }
    }
}
