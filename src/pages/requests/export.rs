//! `/requests/export`: choose what to export and the format, check the answers, then the file is produced here in
//! the browser (with progress), filed as a request, and offered for download with its size and SHA-256.

use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::json;

use crate::api::{self, ApiError};
use crate::components::choices::{CheckboxGroup, RadioGroup};
use crate::components::download::download_text;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::page_heading::focus_heading_on_change;
use crate::components::page_heading::PageHeading;
use crate::components::text_field::{TextField, TextKind};
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::dom::yield_now;
use crate::domain::account_export;
use crate::domain::activity_filter::day_bounds;
use crate::domain::export::{
    file_name, in_scope, personal_categories, sections, summary, ExportBuilder, Vocabulary,
};
use crate::domain::inventory::CategoryId;
use crate::domain::product::Product;
use crate::domain::records::{held_records, HeldRecord};
use crate::domain::requests::{AccountPart, ExportDetails, ExportFormat};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{request_href, Page};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const SCOPE: &str = "export-category-0";
const FORMAT: &str = "format-json";
const FROM: &str = "export-activity-from";
const TO: &str = "export-activity-to";

/// The file made, once the request is filed.
#[derive(Clone, PartialEq)]
struct Made {
    reference: String,
    name: String,
    sha256: String,
    text: String,
    format: ExportFormat,
}

/// Where the user is in the journey.
#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Check,
    Working,
    Done(Made),
}

/// What producing the file reports as it goes.
#[derive(Clone, Copy, Default, PartialEq)]
struct Progress {
    done: usize,
    total: usize,
}

/// What the user chose on the first step.
#[derive(Clone, Copy)]
struct Choices {
    categories: RwSignal<Vec<CategoryId>>,
    products: RwSignal<Vec<Product>>,
    parts: RwSignal<Vec<AccountPart>>,
    /// The activity log's first and last day, as typed (`YYYY-MM-DD` or empty).
    from: RwSignal<String>,
    to: RwSignal<String>,
    format: RwSignal<Option<ExportFormat>>,
}

impl Choices {
    fn scope(self) -> ExportDetails {
        ExportDetails {
            categories: self.categories.get(),
            products: self.products.get(),
            format: self.format.get().unwrap_or(ExportFormat::Json),
            file: None,
            parts: self.parts.get(),
            activity_from: self.day(self.from),
            activity_to: self.day(self.to),
        }
    }

    /// A day of the activity range, when the activity log is chosen and the day given.
    fn day(self, field: RwSignal<String>) -> Option<chrono::NaiveDate> {
        if !self.parts.with(|p| p.contains(&AccountPart::Activity)) {
            return None;
        }
        field.with(|v| crate::domain::json::parse_day(v.trim()))
    }

    /// What is missing before the answers can be checked.
    fn problems(self, l: Locale) -> Vec<FieldProblem> {
        let mut found = Vec::new();
        if self.categories.with_untracked(Vec::is_empty)
            && self.products.with_untracked(Vec::is_empty)
            && self.parts.with_untracked(Vec::is_empty)
        {
            found.push(FieldProblem {
                field: SCOPE,
                message: td_string!(l, export.choose_scope).to_string(),
            });
        }
        let scope = untrack(|| self.scope());
        if let (Some(from), Some(to)) = (scope.activity_from, scope.activity_to) {
            if to < from {
                found.push(FieldProblem {
                    field: TO,
                    message: td_string!(l, export.range_order).to_string(),
                });
            }
        }
        if self.format.get_untracked().is_none() {
            found.push(FieldProblem {
                field: FORMAT,
                message: td_string!(l, export.choose_format).to_string(),
            });
        }
        found
    }
}

/// Produces the export file from the user's current data, one section at a time.
async fn produce(scope: &ExportDetails, progress: RwSignal<Progress>) -> Result<String, ApiError> {
    let (profile, inventory) = futures::join!(api::profile(), api::inventory());
    let (profile, inventory) = (profile?, inventory?);
    let records = held_records(&profile, &inventory);
    let parts = sections(scope);
    let total = parts.len() + scope.parts.len();
    progress.set(Progress { done: 0, total });
    // The file is a record with a stable layout, written in English whatever the portal's language.
    let category = |c| labels::category(Locale::en, c);
    let field = |f| labels::field(Locale::en, f);
    let words = Vocabulary {
        category: &category,
        field: &field,
    };
    let mut builder = ExportBuilder::new(scope.format);
    for (index, category) in parts.iter().enumerate() {
        let chosen: Vec<&HeldRecord> = records
            .iter()
            .filter(|r| r.category == *category && in_scope(scope, r))
            .collect();
        builder.add(*category, &chosen, &words);
        progress.set(Progress {
            done: index + 1,
            total,
        });
        // Keep the page responsive between sections.
        yield_now().await;
    }
    for (index, part) in AccountPart::ALL
        .into_iter()
        .filter(|p| scope.parts.contains(p))
        .enumerate()
    {
        builder.add_part(account_part(scope, part).await?);
        progress.set(Progress {
            done: parts.len() + index + 1,
            total,
        });
        yield_now().await;
    }
    Ok(builder.finish(json!({
        "export": "iCanopus Technology personal data export",
        "generated_at": api::now().to_rfc3339(),
        "user_id": profile.user_id,
        "username": profile.account.username,
        "format": scope.format.extension(),
        "activity_time_zone_offset_minutes": scope.parts.contains(&AccountPart::Activity).then(|| format::zone_offset_minutes(api::now().timestamp_millis())),
        "note": "Service data in this demonstration is summarised (record counts, files, storage). The security answer is never exported: it is kept only as a one-way hash.",
    })))
}

/// One part of the account, read from its document as it stands now.
async fn account_part(
    scope: &ExportDetails,
    part: AccountPart,
) -> Result<account_export::PartTable, ApiError> {
    let signals = || async {
        let (requests, policy) = futures::join!(api::requests(), api::policy());
        Ok::<_, ApiError>(api::marketing_signals(&requests?, &policy?))
    };
    Ok(match part {
        AccountPart::Preferences => {
            let (prefs, signals) = futures::join!(api::communications(), signals());
            account_export::preferences(&prefs?, &signals?)
        }
        AccountPart::Consents => account_export::consents(&api::cookies().await?),
        AccountPart::Requests => account_export::requests(&api::requests().await?),
        AccountPart::Activity => {
            let days = (scope.activity_from, scope.activity_to);
            let offset = format::zone_offset_minutes(api::now().timestamp_millis());
            let bounds = day_bounds(days.0, days.1, offset);
            account_export::activity(&api::activity().await?, days, bounds)
        }
        AccountPart::Sharing => {
            let (shared, signals) = futures::join!(api::sharing(), signals());
            account_export::sharing(&shared?, &signals?)
        }
    })
}

/// Makes the file, checks its digest and files the request.
async fn make_and_file(
    scope: ExportDetails,
    progress: RwSignal<Progress>,
    attempt: String,
) -> Result<Made, ApiError> {
    let text = produce(&scope, progress).await?;
    let sha256 = crate::dom::sha256_hex(text.as_bytes())
        .await
        .map_err(|e| ApiError::Storage(api::StorageError::Failed(e)))?;
    let filed = api::file_export(
        scope.clone(),
        summary(&scope),
        text.clone(),
        sha256.clone(),
        attempt,
    )
    .await?;
    Ok(Made {
        name: file_name(&filed.reference, scope.format),
        reference: filed.reference,
        sha256,
        text,
        format: scope.format,
    })
}

/// The export journey.
#[component]
pub fn NewExportPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let choices = Choices {
        categories: RwSignal::new(Vec::new()),
        products: RwSignal::new(Vec::new()),
        parts: RwSignal::new(Vec::new()),
        from: RwSignal::new(String::new()),
        to: RwSignal::new(String::new()),
        format: RwSignal::new(None),
    };
    let step = RwSignal::new(Step::Choose);
    focus_heading_on_change(move || std::mem::discriminant(&step.get()));
    let progress = RwSignal::new(Progress::default());
    let failure = RwSignal::new(None::<String>);
    // One key per attempt: a double click or a resubmission files one request.
    let attempt = StoredValue::new(api::new_attempt_key());
    guard_unsaved_changes(Signal::derive(move || {
        matches!(step.get(), Step::Check | Step::Working)
    }));

    let submit = Action::new_local(move |scope: &ExportDetails| {
        let scope = scope.clone();
        async move {
            failure.set(None);
            step.set(Step::Working);
            match make_and_file(scope, progress, attempt.get_value()).await {
                Ok(made) => {
                    session.requests.reload();
                    session.activity.refresh_if_used();
                    step.set(Step::Done(made));
                }
                Err(error) => {
                    let l = i18n.get_locale_untracked();
                    failure.set(Some(fill(
                        td_string!(l, export.not_made),
                        &[("error", &labels::error_text(l, &error))],
                    )));
                    step.set(Step::Check);
                }
            }
        }
    });

    view! {
        <PageHeading page=Page::NewExport />
        <div class="request-journey">
            {move || match step.get() {
                Step::Choose => view! { <ChooseStep choices step /> }.into_any(),
                Step::Check => view! { <CheckStep choices step failure submit /> }.into_any(),
                Step::Working => view! { <WorkingStep progress /> }.into_any(),
                Step::Done(made) => view! { <DoneStep made /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// Step 1: what to export, and in which format.
#[component]
fn ChooseStep(choices: Choices, step: RwSignal<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let continue_to_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = choices.problems(i18n.get_locale_untracked());
        let ready = found.is_empty();
        problems.set(found);
        if ready {
            step.set(Step::Check);
        }
    };
    let categories = personal_categories()
        .enumerate()
        .map(|(i, c)| (c, format!("export-category-{i}")))
        .collect::<Vec<_>>();
    let products = Product::ALL
        .iter()
        .map(|p| (*p, format!("export-product-{}", p.slug())))
        .collect::<Vec<_>>();
    let parts = AccountPart::ALL
        .iter()
        .map(|p| (*p, format!("export-part-{}", p.key())))
        .collect::<Vec<_>>();
    let formats = vec![
        (Some(ExportFormat::Json), "format-json".to_string()),
        (Some(ExportFormat::Csv), "format-csv".to_string()),
    ];
    move || {
        let l = i18n.get_locale();
        view! {
            <form class="request-form" on:submit=continue_to_check novalidate>
                <ErrorSummary problems=problems_signal />
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.personal)}</legend>
                    <p class="muted">{td_string!(l, export.personal_hint)}</p>
                    <FieldError field=SCOPE problems=problems_signal />
                    <CheckboxGroup
                        options=categories.clone()
                        chosen=choices.categories
                        label=Callback::new(move |c| labels::category(l, c).to_string())
                    />
                    <div class="button-row">
                        <button type="button" class="button-link" on:click=move |_| choices.categories.set(personal_categories().collect())>
                            {td_string!(l, export.select_all)}
                        </button>
                        <button type="button" class="button-link" on:click=move |_| choices.categories.set(Vec::new())>
                            {td_string!(l, common.clear)}
                        </button>
                    </div>
                </fieldset>
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.service)}</legend>
                    <p class="muted">{td_string!(l, export.service_hint)}</p>
                    <CheckboxGroup
                        options=products.clone()
                        chosen=choices.products
                        label=Callback::new(move |p: Product| fill(td_string!(l, export.product_service), &[("product", &p.name())]))
                    />
                </fieldset>
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.account)}</legend>
                    <p class="muted">{td_string!(l, export.account_hint)}</p>
                    <CheckboxGroup
                        options=parts.clone()
                        chosen=choices.parts
                        label=Callback::new(move |p| labels::account_part(l, p).to_string())
                    />
                    {move || choices.parts.with(|p| p.contains(&AccountPart::Activity)).then(|| view! {
                        <div class="export-range">
                            <TextField id=FROM kind=TextKind::Date label=td_string!(l, export.activity_from) hint=td_string!(l, export.range_hint) problems=problems_signal value=choices.from />
                            <TextField id=TO kind=TextKind::Date label=td_string!(l, export.activity_to) problems=problems_signal value=choices.to />
                        </div>
                    })}
                </fieldset>
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.format)}</legend>
                    <FieldError field=FORMAT problems=problems_signal />
                    <RadioGroup
                        name="format"
                        options=formats.clone()
                        chosen=choices.format
                        label=Callback::new(move |f: Option<ExportFormat>| f.map(|f| labels::export_format(l, f).to_string()).unwrap_or_default())
                    />
                </fieldset>
                <button type="submit" class="button">{td_string!(l, common.next_step)}</button>
            </form>
        }
    }
}

/// Step 2: the answers, each with a way back, and the button that makes the file.
#[component]
fn CheckStep(
    choices: Choices,
    step: RwSignal<Step>,
    failure: RwSignal<Option<String>>,
    submit: Action<ExportDetails, ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let submitting = submit.pending();
    move || {
        let l = i18n.get_locale();
        let scope = choices.scope();
        let names = |names: Vec<&str>| {
            if names.is_empty() {
                td_string!(l, common.none).to_string()
            } else {
                names.join(", ")
            }
        };
        let rows = [
            (
                td_string!(l, export.personal),
                names(
                    scope
                        .categories
                        .iter()
                        .map(|c| labels::category(l, *c))
                        .collect(),
                ),
                td_string!(l, export.change_personal),
            ),
            (
                td_string!(l, export.service),
                names(scope.products.iter().map(|p| p.name()).collect()),
                td_string!(l, export.change_service),
            ),
            (
                td_string!(l, export.account),
                names(
                    labels::account_parts(l, &scope)
                        .iter()
                        .map(String::as_str)
                        .collect(),
                ),
                td_string!(l, export.change_account),
            ),
            (
                td_string!(l, export.format),
                labels::export_format(l, scope.format).to_string(),
                td_string!(l, export.change_format),
            ),
        ];
        view! {
            <h2>{td_string!(l, export.check)}</h2>
            {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <dl class="summary-list summary-list--check">
                {rows
                    .into_iter()
                    .map(|(term, value, change_what)| view! {
                        <div>
                            <dt>{term}</dt>
                            <dd>{value}</dd>
                            <dd><button type="button" class="button-link" on:click=move |_| step.set(Step::Choose)>{td_string!(l, common.change)}<span class="visually-hidden">" "{change_what}</span></button></dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
            <p>{td_string!(l, export.made_now)}</p>
            <button
                type="button"
                class="button"
                disabled=move || submitting.get()
                on:click=move |_| {
                    if !submitting.get_untracked() {
                        submit.dispatch(scope.clone());
                    }
                }
            >
                {td_string!(l, export.make)}
            </button>
        }
    }
}

/// Step 3: the file being made, section by section.
#[component]
fn WorkingStep(progress: RwSignal<Progress>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        view! {
            <div class="export-progress">
                <h2>{td_string!(l, export.making)}</h2>
                <progress
                    max=move || progress.get().total.max(1)
                    value=move || progress.get().done
                    aria-label=td_string!(l, export.progress)
                ></progress>
                <p role="status">
                    {move || {
                        let p = progress.get();
                        fill(td_string!(l, export.preparing), &[("done", &p.done), ("total", &p.total)])
                    }}
                </p>
            </div>
        }
    }
}

/// Step 4: the reference, the file's size and digest, and the download.
#[component]
fn DoneStep(made: Made) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        let Made {
            reference,
            name,
            sha256,
            text,
            format,
        } = made.clone();
        let due = api::now()
            .date_naive()
            .checked_add_months(chrono::Months::new(1));
        let file_name = name.clone();
        view! {
            <div class="confirmation" role="status">
                <h2 class="confirmation__title">{td_string!(l, export.ready)}</h2>
                <p class="confirmation__reference">{fill(td_string!(l, export.reference), &[("reference", &reference)])}</p>
            </div>
            <dl class="summary-list">
                <div><dt>{td_string!(l, export.file)}</dt><dd>{name}</dd></div>
                <div><dt>{td_string!(l, export.size)}</dt><dd>{format::bytes(text.len() as u64)}</dd></div>
                <div><dt>"SHA-256"</dt><dd><code class="checksum">{sha256}</code></dd></div>
                <div><dt>{td_string!(l, export.due)}</dt><dd>{due.map(format::day).unwrap_or_default()}</dd></div>
            </dl>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let _downloaded = download_text(&file_name, format.media_type(), &text);
                }
            >
                {td_string!(l, export.download)}
            </button>
            <p>
                {td_string!(l, export.again_from)}
                <A href=request_href(&reference)>{td_string!(l, export.request_page)}</A>
                {td_string!(l, export.checksum_hint)}
                <code>"sha256sum"</code>
                "."
            </p>
        }
    }
}
