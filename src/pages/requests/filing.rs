//! What follows a filing from any of the request forms (a request about a category, a concern, an appeal).

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::api::ApiError;
use crate::i18n::{use_i18n, Locale};
use crate::routes::request_href;
use crate::state::notices::{use_notices, NoticeKind, Notices};
use crate::state::session::{use_session, Session};
use crate::text::format::fill;
use crate::text::labels;

/// A text of the request pages in the reader's language.
pub(super) type Words = fn(Locale) -> &'static str;

/// What follows a filing from any request form: on success the requests are refreshed, a notice gives the reference
/// and the new request's page opens; on failure the form stays as typed with the reason.
#[derive(Clone, Copy)]
pub(super) struct AfterFiling {
    session: Session,
    notices: Notices,
    i18n: I18nContext<Locale>,
    open: Callback<String>,
}

impl AfterFiling {
    /// Made where the form is built (it needs the router and the contexts).
    pub(super) fn here() -> Self {
        let navigate = use_navigate();
        AfterFiling {
            session: use_session(),
            notices: use_notices(),
            i18n: use_i18n(),
            open: Callback::new(move |href: String| navigate(&href, Default::default())),
        }
    }

    /// Shows the outcome; true when the request was filed.
    pub(super) fn show(
        self,
        outcome: Result<api::Filed, ApiError>,
        filed: Words,
        not_sent: Words,
        failure: RwSignal<Option<String>>,
    ) -> bool {
        let l = self.i18n.get_locale_untracked();
        match outcome {
            Ok(done) => {
                self.session.requests.reload();
                self.session.activity.refresh_if_used();
                self.notices.push(
                    NoticeKind::Success,
                    fill(filed(l), &[("reference", &done.reference)]),
                );
                self.open.run(request_href(&done.reference));
                true
            }
            Err(error) => {
                failure.set(Some(fill(
                    not_sent(l),
                    &[("error", &labels::error_text(l, &error))],
                )));
                false
            }
        }
    }
}
