//! The optional details: photo, time zone and language, each of which can be changed or cleared; and the
//! data-minimisation prompt that deletes them all in one step.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::draft::follow_saved;
use crate::components::error_summary::{field_message, ErrorSummary, FieldError, FieldProblem};
use crate::domain::profile::OptionalProfile;
use crate::domain::profile_rules::{check_choice, check_known, unneeded_fields, LANGUAGES};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

use super::photo::prepare_photo;

const PHOTO: &str = "photo";
const TIME_ZONE: &str = "time-zone";
const LANGUAGE: &str = "language";

fn optional_or_none(text: String) -> Option<String> {
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// What the optional details form holds, kept by the page so a refresh of the profile never loses it.
#[derive(Clone, Copy)]
pub struct OptionalDraft {
    photo: RwSignal<Option<String>>,
    time_zone: RwSignal<String>,
    language: RwSignal<String>,
    /// What is wrong with the photo file picked, found while reading it.
    photo_problem: RwSignal<Option<String>>,
}

impl OptionalDraft {
    pub fn empty() -> Self {
        Self {
            photo: RwSignal::new(None),
            time_zone: RwSignal::new(String::new()),
            language: RwSignal::new(String::new()),
            photo_problem: RwSignal::new(None),
        }
    }

    /// The details as the form shows them now.
    fn value(self) -> OptionalProfile {
        OptionalProfile {
            photo: self.photo.get(),
            time_zone: optional_or_none(self.time_zone.get()),
            language: optional_or_none(self.language.get()),
        }
    }

    /// Shows `saved` in the form.
    fn show(self, saved: OptionalProfile) {
        self.photo.set(saved.photo);
        self.time_zone.set(saved.time_zone.unwrap_or_default());
        self.language.set(saved.language.unwrap_or_default());
        self.photo_problem.set(None);
    }

    /// Keeps the form in step with the saved profile (see `follow_saved`).
    pub fn follow(self, saved: impl Fn() -> Option<OptionalProfile> + 'static) {
        let notices = use_notices();
        let i18n = use_i18n();
        follow_saved(
            saved,
            move || self.value_untracked(),
            move |value| self.show(value),
            OptionalProfile::rebase,
            move || {
                notices.push(
                    NoticeKind::Warning,
                    td_string!(i18n.get_locale_untracked(), common.changed_elsewhere),
                )
            },
        );
    }

    fn value_untracked(self) -> OptionalProfile {
        untrack(move || self.value())
    }
}

/// The optional details form.
#[component]
pub fn OptionalDetails(
    /// What is saved now.
    saved: OptionalProfile,
    /// What the form holds.
    draft: OptionalDraft,
    /// Set while the form holds changes not yet saved.
    dirty: RwSignal<bool>,
    /// The page's announcement line, which outlives this form's re-render after a save.
    status: RwSignal<String>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let OptionalDraft {
        photo,
        time_zone,
        language,
        photo_problem,
    } = draft;
    let reading_photo = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let failure = RwSignal::new(None::<String>);

    let saved_value = StoredValue::new(saved.clone());
    Effect::new(move |_| {
        let changed =
            draft.value() != saved_value.get_value() || photo_problem.with(Option::is_some);
        dirty.set(changed);
    });

    let save = Action::new_local(move |next: &OptionalProfile| {
        let next = next.clone();
        async move {
            let before = saved_value.get_value();
            match api::save_optional_profile(next.clone(), &before.describe_change(&next)).await {
                Ok(profile) => {
                    saved_value.set_value(profile.optional.clone());
                    failure.set(None);
                    dirty.set(false);
                    status.set(
                        td_string!(i18n.get_locale_untracked(), profile.optional_saved).to_string(),
                    );
                    session.profile.replace(profile);
                    session.activity.refresh_if_used();
                }
                Err(error) => {
                    status.set(String::new());
                    let l = i18n.get_locale_untracked();
                    failure.set(Some(fill(
                        td_string!(l, profile.optional_not_saved),
                        &[("error", &labels::error_text(l, &error))],
                    )));
                }
            }
        }
    });
    let saving = save.pending();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = i18n.get_locale_untracked();
        let mut found = Vec::new();
        if let Some(message) = photo_problem.get_untracked() {
            found.push(FieldProblem {
                field: PHOTO,
                message,
            });
        }
        let zone = time_zone.get_untracked();
        if let Err(p) = check_known(&zone, format::is_time_zone) {
            found.push(FieldProblem {
                field: TIME_ZONE,
                message: labels::problem(l, td_string!(l, profile.what.time_zone), p),
            });
        }
        let lang = language.get_untracked();
        if let Err(p) = check_choice(&lang, LANGUAGES.iter().map(|l| l.0)) {
            found.push(FieldProblem {
                field: LANGUAGE,
                message: labels::problem(l, td_string!(l, profile.what.language), p),
            });
        }
        problems.set(found.clone());
        if found.is_empty() {
            save.dispatch(OptionalProfile {
                photo: photo.get_untracked(),
                time_zone: optional_or_none(zone),
                language: optional_or_none(lang),
            });
        }
    };

    view! {
        <section class="optional-details" aria-labelledby="optional-title">
            <h2 id="optional-title">{t!(i18n, profile.optional_title)}</h2>
            <p>{t!(i18n, profile.optional_intro)}</p>
            <form class="optional-details__form" on:submit=submit novalidate>
                <ErrorSummary problems=problems_signal />
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <PhotoField photo problem=photo_problem reading=reading_photo problems=problems_signal saving />
                <TimeZoneField time_zone problems=problems_signal />
                <LanguageField language problems=problems_signal />
                <button type="submit" id="optional-save" class="button" disabled=move || saving.get() || reading_photo.get()>
                    {move || if saving.get() { t_string!(i18n, common.saving) } else { t_string!(i18n, profile.save_optional) }}
                </button>
            </form>
        </section>
    }
    .into_any()
}

/// The photo: a preview, a file picker that checks the image, and "Remove photo".
#[component]
fn PhotoField(
    photo: RwSignal<Option<String>>,
    /// What is wrong with the file picked, found while reading it.
    problem: RwSignal<Option<String>>,
    /// Set while a picked file is read and checked.
    reading: RwSignal<bool>,
    problems: Signal<Vec<FieldProblem>>,
    #[prop(into)] saving: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pick_photo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        reading.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match prepare_photo(i18n.get_locale_untracked(), file).await {
                Ok(url) => photo.set(Some(url)),
                Err(message) => problem.set(Some(message)),
            }
            reading.set(false);
        });
    };
    let remove_photo = move |_| {
        photo.set(None);
        problem.set(None);
        if let Some(input) = document().get_element_by_id(PHOTO) {
            if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value("");
            }
        }
    };
    let message = move || problem.get().or_else(field_message(problems, PHOTO));
    view! {
        <fieldset class="form-field">
            <legend>{t!(i18n, labels.field.photo)}</legend>
            <div class="photo-field">
                {move || match photo.get() {
                    Some(url) => view! {
                        <img class="photo-field__preview" src=url alt=move || t_string!(i18n, profile.photo_alt) width="96" height="96" />
                    }
                        .into_any(),
                    None => view! { <p class="muted">{t!(i18n, profile.no_photo)}</p> }.into_any(),
                }}
                <div>
                    <label for=PHOTO>{t!(i18n, profile.choose_photo)}</label>
                    <Show when=move || message().is_some()>
                        <p class="field-error" id="photo-error">
                            <span class="visually-hidden">{t!(i18n, errors.prefix)}" "</span>
                            {message}
                        </p>
                    </Show>
                    <input
                        id=PHOTO
                        type="file"
                        accept="image/png,image/jpeg,image/webp"
                        aria-invalid=move || message().is_some().to_string()
                        aria-describedby=move || message().map(|_| "photo-error")
                        disabled=move || saving.get()
                        on:change=pick_photo
                    />
                    <p class="muted">{t!(i18n, profile.photo_copy)}</p>
                    <Show when=move || reading.get()>
                        <p class="muted" role="status">{t!(i18n, profile.checking_photo)}</p>
                    </Show>
                    <Show when=move || photo.with(Option::is_some)>
                        <button type="button" class="button-link" on:click=remove_photo>
                            {t!(i18n, profile.remove_photo)}
                        </button>
                    </Show>
                </div>
            </div>
        </fieldset>
    }
}

/// The time zone: typed, with suggestions, "Use my browser's" and "Clear".
#[component]
fn TimeZoneField(
    time_zone: RwSignal<String>,
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The time-zone suggestions (over 400 of them) are built when the field is first focused, not with the page:
    // most visits never open the list, and building it with the page held the browser for tens of milliseconds.
    let zones_wanted = RwSignal::new(false);
    let browser_zone = format::browser_time_zone();
    let error = field_message(problems, TIME_ZONE);
    let hint = {
        let zone = browser_zone.clone();
        move || fill(t_string!(i18n, profile.zone_hint), &[("zone", &zone)])
    };
    view! {
        <div class="form-field">
            <label for=TIME_ZONE>{t!(i18n, labels.field.time_zone)}</label>
            <p class="muted" id="time-zone-hint">{hint}</p>
            <FieldError field=TIME_ZONE problems />
            <div class="input-row">
                <input
                    id=TIME_ZONE
                    type="text"
                    list="time-zone-options"
                    autocomplete="off"
                    aria-describedby=move || {
                        if error().is_some() { "time-zone-hint time-zone-error" } else { "time-zone-hint" }
                    }
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || time_zone.get()
                    on:input=move |ev| time_zone.set(event_target_value(&ev))
                    on:focus=move |_| {
                        if !zones_wanted.get_untracked() {
                            zones_wanted.set(true);
                        }
                    }
                />
                <button type="button" class="button button--quiet" on:click=move |_| time_zone.set(browser_zone.clone())>
                    {t!(i18n, profile.use_browser_zone)}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| time_zone.set(String::new())>
                    {t!(i18n, common.clear)}
                    <span class="visually-hidden">" "{t!(i18n, profile.zone_suffix)}</span>
                </button>
            </div>
            <datalist id="time-zone-options">
                {move || {
                    zones_wanted
                        .get()
                        .then(|| format::time_zones().into_iter().map(|zone| view! { <option value=zone></option> }).collect_view())
                }}
            </datalist>
        </div>
    }
}

/// The language: one of the listed tags, or none.
#[component]
fn LanguageField(language: RwSignal<String>, problems: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = field_message(problems, LANGUAGE);
    view! {
        <div class="form-field">
            <label for=LANGUAGE>{t!(i18n, profile.language_label)}</label>
            <FieldError field=LANGUAGE problems />
            <select
                id=LANGUAGE
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().map(|_| "language-error")
                prop:value=move || language.get()
                on:change=move |ev| language.set(event_target_value(&ev))
            >
                <option value="">{t!(i18n, profile.language_unset)}</option>
                {LANGUAGES
                    .iter()
                    .map(|(tag, own, english)| {
                        let text = if own == english { own.to_string() } else { format!("{own} ({english})") };
                        view! { <option value=*tag>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Points out filled optional fields the company does not need, with "Delete optional data".
#[component]
pub fn Minimise(
    /// What is saved now.
    saved: OptionalProfile,
    /// What the optional details form holds: emptied with the fields.
    draft: OptionalDraft,
    /// The page's announcement line.
    status: RwSignal<String>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let fields = unneeded_fields(&saved);
    let done = RwSignal::new(None::<Result<(), String>>);
    let delete = Action::new_local(move |_: &()| async move {
        match api::save_optional_profile(
            OptionalProfile::default(),
            "Deleted all optional profile data",
        )
        .await
        {
            Ok(profile) => {
                status.set(td_string!(i18n.get_locale_untracked(), profile.minimised).to_string());
                draft.show(profile.optional.clone());
                done.set(Some(Ok(())));
                session.profile.replace(profile);
                session.activity.refresh_if_used();
            }
            Err(error) => done.set(Some(Err(labels::error_text(
                i18n.get_locale_untracked(),
                &error,
            )))),
        }
    });
    let deleting = delete.pending();
    if fields.is_empty() {
        return view! {
            <section class="minimise" aria-labelledby="minimise-title">
                <h2 id="minimise-title">{t!(i18n, profile.unneeded_title)}</h2>
                <p>{t!(i18n, profile.unneeded_none)}</p>
            </section>
        }
        .into_any();
    }
    let several = fields.len() > 1;
    let text = move || {
        let l = i18n.get_locale();
        let names: Vec<&str> = fields
            .iter()
            .map(|f| labels::optional_field(l, *f))
            .collect();
        let template = if several {
            td_string!(l, profile.unneeded_many)
        } else {
            td_string!(l, profile.unneeded_one)
        };
        fill(template, &[("names", &names.join(", "))])
    };
    view! {
        <section class="minimise minimise--action" aria-labelledby="minimise-title">
            <h2 id="minimise-title">{t!(i18n, profile.unneeded_title)}</h2>
            <p>{text}</p>
            {move || match done.get() {
                Some(Err(message)) => view! { <p class="field-error" role="alert">{fill(t_string!(i18n, profile.nothing_deleted), &[("message", &message)])}</p> }.into_any(),
                _ => ().into_any(),
            }}
            <button
                type="button"
                id="minimise-delete"
                data-focus-next="optional-save"
                class="button button--warning"
                disabled=move || deleting.get()
                on:click=move |_| {
                    delete.dispatch(());
                }
            >
                {move || if deleting.get() { t_string!(i18n, common.deleting) } else { t_string!(i18n, profile.delete_optional) }}
            </button>
        </section>
    }
    .into_any()
}
