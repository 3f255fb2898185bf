//! `/requests/export`: choose what to export and the format, check the answers, then the file is produced here in
//! the browser (with progress), filed as a request, and offered for download with its size and SHA-256.

use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::json;

use crate::api::{self, ApiError};
use crate::components::download::download_text;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::page_heading::focus_heading_on_change;
use crate::components::page_heading::PageHeading;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::dom::yield_now;
use crate::domain::export::{in_scope, personal_categories, sections, ExportBuilder, Vocabulary};
use crate::domain::held::{held_records, HeldRecord};
use crate::domain::inventory::CategoryId;
use crate::domain::order;
use crate::domain::product::Product;
use crate::domain::requests::{ExportDetails, ExportFormat};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{request_href, Page};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const SCOPE: &str = "export-category-0";
const FORMAT: &str = "format-json";

/// Where the user is in the journey.
#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Check,
    Working,
    Done {
        reference: String,
        name: String,
        bytes: u64,
        sha256: String,
        text: String,
        format: ExportFormat,
    },
}

/// What producing the file reports as it goes.
#[derive(Clone, Copy, Default, PartialEq)]
struct Progress {
    done: usize,
    total: usize,
}

/// Produces the export file from the user's current data, one section at a time.
async fn produce(scope: &ExportDetails, progress: RwSignal<Progress>) -> Result<String, ApiError> {
    let (profile, inventory) = futures::join!(api::profile(), api::inventory());
    let (profile, inventory) = (profile?, inventory?);
    let records = held_records(&profile, &inventory);
    let parts = sections(scope);
    progress.set(Progress {
        done: 0,
        total: parts.len(),
    });
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
            total: parts.len(),
        });
        // Keep the page responsive between sections.
        yield_now().await;
    }
    Ok(builder.finish(json!({
        "export": "iCanopus Technology personal data export",
        "generated_at": api::now().to_rfc3339(),
        "user_id": profile.user_id,
        "username": profile.account.username,
        "format": match scope.format { ExportFormat::Json => "json", ExportFormat::Csv => "csv" },
        "note": "Service data in this demonstration is summarised (record counts, files, storage). The security answer is never exported: it is kept only as a one-way hash.",
    })))
}

fn summary_of(scope: &ExportDetails) -> String {
    let mut parts = Vec::new();
    if !scope.categories.is_empty() {
        parts.push(format!(
            "{} categories of personal information",
            scope.categories.len()
        ));
    }
    if !scope.products.is_empty() {
        let names: Vec<&str> = scope.products.iter().map(|p| p.name()).collect();
        parts.push(format!("service data of {}", names.join(", ")));
    }
    format!(
        "{}, as {}",
        parts.join(" and "),
        match scope.format {
            ExportFormat::Json => "JSON",
            ExportFormat::Csv => "CSV",
        }
    )
}

/// The export journey.
#[component]
pub fn NewExportPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let categories = RwSignal::new(Vec::<CategoryId>::new());
    let products = RwSignal::new(Vec::<Product>::new());
    let format_choice = RwSignal::new(None::<ExportFormat>);
    let step = RwSignal::new(Step::Choose);
    focus_heading_on_change(move || std::mem::discriminant(&step.get()));
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let progress = RwSignal::new(Progress::default());
    let failure = RwSignal::new(None::<String>);
    // One key per attempt: a double click or a resubmission files one request.
    let attempt = StoredValue::new(api::new_attempt_key());
    guard_unsaved_changes(Signal::derive(move || {
        matches!(step.get(), Step::Check | Step::Working)
    }));

    let scope = move || ExportDetails {
        categories: categories.get(),
        products: products.get(),
        format: format_choice.get().unwrap_or(ExportFormat::Json),
        file: None,
    };

    let continue_to_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = i18n.get_locale_untracked();
        let mut found = Vec::new();
        if categories.with_untracked(Vec::is_empty) && products.with_untracked(Vec::is_empty) {
            found.push(FieldProblem {
                field: SCOPE,
                message: td_string!(l, export.choose_scope).to_string(),
            });
        }
        if format_choice.get_untracked().is_none() {
            found.push(FieldProblem {
                field: FORMAT,
                message: td_string!(l, export.choose_format).to_string(),
            });
        }
        problems.set(found.clone());
        if found.is_empty() {
            step.set(Step::Check);
        }
    };

    let submit = Action::new_local(move |scope: &ExportDetails| {
        let scope = scope.clone();
        async move {
            failure.set(None);
            step.set(Step::Working);
            let outcome = async {
                let text = produce(&scope, progress).await?;
                let sha256 = crate::dom::sha256_hex(text.as_bytes())
                    .await
                    .map_err(|e| ApiError::Storage(api::StorageError::Failed(e)))?;
                let filed = api::file_export(
                    scope.clone(),
                    summary_of(&scope),
                    text.clone(),
                    sha256.clone(),
                    attempt.get_value(),
                )
                .await?;
                Ok::<_, ApiError>((filed, text, sha256))
            }
            .await;
            match outcome {
                Ok((filed, text, sha256)) => {
                    session.requests.reload();
                    session.activity.refresh_if_used();
                    step.set(Step::Done {
                        name: crate::domain::export::file_name(&filed.reference, scope.format),
                        reference: filed.reference,
                        bytes: text.len() as u64,
                        sha256,
                        text,
                        format: scope.format,
                    });
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
    let submitting = submit.pending();

    let choose_view = move || {
        let l = i18n.get_locale();
        view! {
            <form class="request-form" on:submit=continue_to_check novalidate>
                <ErrorSummary problems=problems_signal />
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.personal)}</legend>
                    <p class="muted">{td_string!(l, export.personal_hint)}</p>
                    <FieldError field=SCOPE problems=problems_signal />
                    <div class="checkboxes">
                        {personal_categories()
                            .enumerate()
                            .map(|(i, category)| {
                                let id = format!("export-category-{i}");
                                view! {
                                    <div class="checkboxes__item">
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            prop:checked=move || categories.with(|c| c.contains(&category))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                categories.update(|c| {
                                                    c.retain(|x| *x != category);
                                                    if on {
                                                        c.push(category);
                                                        order::sort(c);
                                                    }
                                                });
                                            }
                                        />
                                        <label for=id>{labels::category(l, category)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                    <div class="button-row">
                        <button type="button" class="button-link" on:click=move |_| categories.set(personal_categories().collect())>
                            {td_string!(l, export.select_all)}
                        </button>
                        <button type="button" class="button-link" on:click=move |_| categories.set(Vec::new())>
                            {td_string!(l, common.clear)}
                        </button>
                    </div>
                </fieldset>
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.service)}</legend>
                    <p class="muted">{td_string!(l, export.service_hint)}</p>
                    <div class="checkboxes">
                        {Product::ALL
                            .iter()
                            .map(|product| {
                                let product = *product;
                                let id = format!("export-product-{}", product.slug());
                                view! {
                                    <div class="checkboxes__item">
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            prop:checked=move || products.with(|p| p.contains(&product))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                products.update(|p| {
                                                    p.retain(|x| *x != product);
                                                    if on {
                                                        p.push(product);
                                                        order::sort(p);
                                                    }
                                                });
                                            }
                                        />
                                        <label for=id>{fill(td_string!(l, export.product_service), &[("product", &product.name())])}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <fieldset class="form-field">
                    <legend>{td_string!(l, export.format)}</legend>
                    <FieldError field=FORMAT problems=problems_signal />
                    <div class="radios">
                        {[(ExportFormat::Json, "format-json"), (ExportFormat::Csv, "format-csv")]
                            .into_iter()
                            .map(|(format, id)| {
                                view! {
                                    <div class="radios__item">
                                        <input
                                            type="radio"
                                            name="format"
                                            id=id
                                            prop:checked=move || format_choice.get() == Some(format)
                                            on:change=move |_| format_choice.set(Some(format))
                                        />
                                        <label for=id>{labels::export_format(l, format)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="button">{td_string!(l, common.next_step)}</button>
            </form>
        }
        .into_any()
    };

    let check_view = move || {
        let l = i18n.get_locale();
        let scope = scope();
        let category_names: Vec<&str> = scope
            .categories
            .iter()
            .map(|c| labels::category(l, *c))
            .collect();
        let product_names: Vec<&str> = scope.products.iter().map(|p| p.name()).collect();
        let change = move |_| step.set(Step::Choose);
        let send = scope.clone();
        view! {
            <h2>{td_string!(l, export.check)}</h2>
            {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <dl class="summary-list summary-list--check">
                <div>
                    <dt>{td_string!(l, export.personal)}</dt>
                    <dd>{if category_names.is_empty() { td_string!(l, common.none).to_string() } else { category_names.join(", ") }}</dd>
                    <dd><button type="button" class="button-link" on:click=change>{td_string!(l, common.change)}<span class="visually-hidden">" "{td_string!(l, export.change_personal)}</span></button></dd>
                </div>
                <div>
                    <dt>{td_string!(l, export.service)}</dt>
                    <dd>{if product_names.is_empty() { td_string!(l, common.none).to_string() } else { product_names.join(", ") }}</dd>
                    <dd><button type="button" class="button-link" on:click=change>{td_string!(l, common.change)}<span class="visually-hidden">" "{td_string!(l, export.change_service)}</span></button></dd>
                </div>
                <div>
                    <dt>{td_string!(l, export.format)}</dt>
                    <dd>{labels::export_format(l, scope.format)}</dd>
                    <dd><button type="button" class="button-link" on:click=change>{td_string!(l, common.change)}<span class="visually-hidden">" "{td_string!(l, export.change_format)}</span></button></dd>
                </div>
            </dl>
            <p>{td_string!(l, export.made_now)}</p>
            <button
                type="button"
                class="button"
                disabled=move || submitting.get()
                on:click=move |_| {
                    if !submitting.get_untracked() {
                        submit.dispatch(send.clone());
                    }
                }
            >
                {td_string!(l, export.make)}
            </button>
        }
        .into_any()
    };

    let working_view = move || {
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
        .into_any()
    };

    let done_view = move |reference: String,
                          name: String,
                          bytes: u64,
                          sha256: String,
                          text: String,
                          format: ExportFormat| {
        let mime = match format {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv",
        };
        let l = i18n.get_locale();
        let file_name = name.clone();
        let due = api::now()
            .date_naive()
            .checked_add_months(chrono::Months::new(1));
        view! {
            <div class="confirmation" role="status">
                <h2 class="confirmation__title">{td_string!(l, export.ready)}</h2>
                <p class="confirmation__reference">{fill(td_string!(l, export.reference), &[("reference", &reference)])}</p>
            </div>
            <dl class="summary-list">
                <div><dt>{td_string!(l, export.file)}</dt><dd>{name}</dd></div>
                <div><dt>{td_string!(l, export.size)}</dt><dd>{format::bytes(bytes)}</dd></div>
                <div><dt>"SHA-256"</dt><dd><code class="checksum">{sha256}</code></dd></div>
                <div><dt>{td_string!(l, export.due)}</dt><dd>{due.map(format::day).unwrap_or_default()}</dd></div>
            </dl>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let _downloaded = download_text(&file_name, mime, &text);
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
        .into_any()
    };

    view! {
        <PageHeading page=Page::NewExport />
        <div class="request-journey">
            {move || match step.get() {
                Step::Choose => choose_view(),
                Step::Check => check_view(),
                Step::Working => working_view(),
                Step::Done { reference, name, bytes, sha256, text, format } => {
                    done_view(reference, name, bytes, sha256, text, format)
                }
            }}
        </div>
    }
    .into_any()
}
