//! Giving, changing and withdrawing cookie consent, and applying the browser's privacy signal: one write path
//! shared by the banner and the settings page, so both say the same thing and lock together while saving.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::domain::cookies::{Choices, ConsentMethod, CookieConsent, OPTIONAL_CATEGORIES};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::{use_session, Session};
use crate::text::format::fill;
use crate::text::labels;

/// A cookie choice to record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentRequest {
    pub choices: Choices,
    pub method: ConsentMethod,
}

/// The consent actions.
#[derive(Clone, Copy)]
pub struct Consent {
    /// Records a cookie choice.
    pub save: Action<ConsentRequest, Result<(), ApiError>>,
    /// Turns off every optional message and cookie, as the browser's privacy signal asks.
    pub apply_signal: Action<(), Result<(), ApiError>>,
}

impl Consent {
    /// True while either action is saving.
    pub fn saving(&self) -> bool {
        self.save.pending().get() || self.apply_signal.pending().get()
    }
}

/// What the activity log says about a choice. The log is the company's record, kept in English like every entry
/// the backend writes.
fn describe(request: ConsentRequest) -> String {
    let how = labels::consent_method(Locale::en, request.method);
    if request.choices == Choices::ALL {
        format!("Accepted all optional cookies, using {how}")
    } else if request.choices == Choices::NONE {
        format!("Refused all optional cookies, using {how}")
    } else {
        let parts: Vec<String> = OPTIONAL_CATEGORIES
            .iter()
            .map(|c| {
                let state = if request.choices.get(*c) { "on" } else { "off" };
                format!("{} {state}", labels::cookie_category(Locale::en, *c))
            })
            .collect();
        format!("Chose cookies ({}), using {how}", parts.join(", "))
    }
}

async fn record(session: Session, request: ConsentRequest) -> Result<(), ApiError> {
    let policy = match session.policy.get_untracked() {
        Some(Ok(policy)) => policy,
        Some(Err(error)) => return Err(error),
        None => Arc::new(api::policy().await?),
    };
    let consent = CookieConsent::given(
        request.choices,
        request.method,
        api::now(),
        policy.revision_on(api::now().date_naive()),
    );
    let settings = api::save_cookie_consent(consent, &describe(request)).await?;
    session.cookies.replace(settings);
    session.activity.refresh_if_used();
    Ok(())
}

/// Creates the consent actions; call once, in the app root (after the session and notices).
pub fn provide_consent() -> Consent {
    let session = use_session();
    let notices = use_notices();
    let i18n = use_i18n();
    let save = Action::new_local(move |request: &ConsentRequest| {
        let request = *request;
        async move {
            let outcome = record(session, request).await;
            let l = i18n.get_locale_untracked();
            match &outcome {
                Ok(()) => notices.push(NoticeKind::Success, td_string!(l, consent.saved)),
                Err(error) => notices.push(
                    NoticeKind::Warning,
                    fill(
                        td_string!(l, consent.not_saved),
                        &[("error", &labels::error_text(l, error))],
                    ),
                ),
            }
            outcome
        }
    });
    let apply_signal = Action::new_local(move |_: &()| async move {
        let outcome = async {
            let preferences = match session.communications.get_untracked() {
                Some(Ok(preferences)) => preferences,
                _ => api::communications().await?,
            };
            let stored = api::save_communications(
                &preferences.unsubscribed_from_all(),
                "Applied the browser's privacy signal: turned off every optional message",
            )
            .await?;
            session.communications.replace(stored);
            record(
                session,
                ConsentRequest {
                    choices: Choices::NONE,
                    method: ConsentMethod::BrowserSignal,
                },
            )
            .await
        }
        .await;
        let l = i18n.get_locale_untracked();
        match &outcome {
            Ok(()) => notices.push(NoticeKind::Success, td_string!(l, consent.signal_done)),
            Err(error) => notices.push(
                NoticeKind::Warning,
                fill(
                    td_string!(l, consent.signal_failed),
                    &[("error", &labels::error_text(l, error))],
                ),
            ),
        }
        outcome
    });
    let consent = Consent { save, apply_signal };
    provide_context(consent);
    consent
}

/// The consent actions provided by the app root.
pub fn use_consent() -> Consent {
    expect_context::<Consent>()
}
