//! `/sharing`: who receives the user's information: reselling partners (with td_string!(l, sharing.stop_button)),
//! marketplace app developers (with a ready-to-send message), the kinds of service provider, sign-in providers,
//! and what the mobile apps can reach on each device.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::page_heading::PageHeading;
use crate::domain::inventory::Inventory;
use crate::domain::marketing::{MarketingSignals, MarketingStop};
use crate::domain::profile::Profile;
use crate::domain::sharing::{ConnectionKind, MarketplaceApp, ResellingPartner, Sharing};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::notices::{use_notices, NoticeKind, Notices};
use crate::state::session::{use_session, Session};
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// The message a user can send an app developer to ask about their data, in the portal's language.
fn message_to_developer(l: Locale, app: &MarketplaceApp, profile: &Profile) -> String {
    fill(
        td_string!(l, sharing.message),
        &[
            ("developer", &app.developer),
            ("name", &app.name),
            ("product", &app.product.name()),
            ("installed", &format::date(app.installed_at)),
            ("user", &profile.account.name),
            ("email", &profile.account.email),
        ],
    )
}

/// Shows the outcome of a write to the sharing document: on success the page takes what is saved and `done` is said;
/// a failure says that nothing changed, and why.
fn show_sharing_write(
    (l, session, notices): (Locale, Session, Notices),
    result: Result<Sharing, api::ApiError>,
    done: String,
) {
    match result {
        Ok(shared) => {
            notices.push(NoticeKind::Success, done);
            session.sharing.replace(Arc::new(shared));
            session.activity.refresh_if_used();
        }
        Err(error) => notices.push(
            NoticeKind::Warning,
            fill(
                td_string!(l, common.nothing_changed),
                &[("error", &labels::error_text(l, &error))],
            ),
        ),
    }
}

fn partner_card(
    l: Locale,
    partner: ResellingPartner,
    stop: Option<MarketingStop>,
) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let id = partner.id.clone();
    let name = partner.name.clone();
    let toggle = Action::new_local(move |active: &bool| {
        let active = *active;
        let id = id.clone();
        let name = name.clone();
        async move {
            let done = if active {
                fill(td_string!(l, sharing.work_again), &[("name", &name)])
            } else {
                fill(td_string!(l, sharing.stopped), &[("name", &name)])
            };
            show_sharing_write(
                (l, session, notices),
                api::set_partner_active(&id, active).await,
                done,
            );
        }
    });
    let pending = toggle.pending();
    let active = partner.active;
    let receives = partner.receives(stop.as_ref());
    let status = match (stop, partner.stopped_at) {
        (_, Some(at)) if !active => fill(
            td_string!(l, sharing.stopped_on),
            &[("date", &format::date(at))],
        ),
        _ if !active => td_string!(l, sharing.stopped_plain).to_string(),
        (Some(MarketingStop::Objected { on, .. }), _) => fill(
            td_string!(l, sharing.stopped_objected),
            &[("date", &format::day(on))],
        ),
        (Some(MarketingStop::Gpc { .. }), _) => td_string!(l, sharing.stopped_gpc).to_string(),
        (None, _) => td_string!(l, sharing.may_contact).to_string(),
    };
    view! {
        <li class="sharing-card" class:sharing-card--stopped=!receives>
            <h3>{partner.name.clone()}</h3>
            <p class="muted">{fill(td_string!(l, sharing.partner_in), &[("region", &partner.region)])}</p>
            <p>
                {fill(td_string!(l, sharing.received_on), &[("date", &format::date(partner.shared_at)), ("what", &partner.shared.join(", "))])}
            </p>
            <p>{status}</p>
            <button
                type="button"
                id=format!("partner-{}-toggle", partner.id)
                class=if active { "button button--secondary" } else { "button button--quiet" }
                disabled=move || pending.get()
                on:click=move |_| {
                    toggle.dispatch(!active);
                }
            >
                {if active { td_string!(l, sharing.stop_button) } else { td_string!(l, sharing.work_again_button) }}
                <span class="visually-hidden">{format!(" ({})", partner.name)}</span>
            </button>
        </li>
    }
}

/// What a cut-off control is about, and what it says.
struct Connection {
    kind: ConnectionKind,
    /// The name the document keeps it under (an app's id).
    name: String,
    /// The name shown.
    shown: String,
    /// When it was cut off, while it is.
    cut_at: Option<DateTime<Utc>>,
    /// The button's id, the same in both states so focus stays on it when the page is rebuilt.
    id: String,
    cut_label: String,
    restore_label: String,
    /// What cutting off changes, shown while connected.
    effect: String,
    /// Since when it is cut off, shown while it is.
    cut_note: String,
}

/// The button that cuts a connection off or restores it, with what that changes or since when it is cut off.
fn cut_off_control(l: Locale, connection: Connection) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let Connection {
        kind,
        name,
        shown,
        cut_at,
        id,
        cut_label,
        restore_label,
        effect,
        cut_note,
    } = connection;
    let said = shown.clone();
    let toggle = Action::new_local(move |cut: &bool| {
        let cut = *cut;
        let name = name.clone();
        let shown = said.clone();
        async move {
            let done = if cut {
                td_string!(l, sharing.cut_done)
            } else {
                td_string!(l, sharing.cut_undone)
            };
            let done = fill(done, &[("name", &shown)]);
            show_sharing_write(
                (l, session, notices),
                api::set_cut_off(kind, &name, &shown, cut).await,
                done,
            );
        }
    });
    let pending = toggle.pending();
    let cut = cut_at.is_some();
    view! {
        <p class=if cut { "sharing-cut sharing-cut--off" } else { "sharing-cut muted" }>
            {if cut { cut_note } else { effect }}
        </p>
        <button
            type="button"
            id=id
            class=if cut { "button button--quiet" } else { "button button--secondary" }
            disabled=move || pending.get()
            on:click=move |_| {
                toggle.dispatch(!cut);
            }
        >
            {if cut { restore_label } else { cut_label }}
            // Apps share the button's words: the name tells them apart for a screen reader.
            {(kind == ConnectionKind::App).then(|| view! { <span class="visually-hidden">{format!(" ({shown})")}</span> })}
        </button>
    }
}

fn app_card(
    l: Locale,
    app: MarketplaceApp,
    profile: &Profile,
    cut_at: Option<DateTime<Utc>>,
) -> impl IntoView {
    let notices = use_notices();
    let message = message_to_developer(l, &app, profile);
    let id = format!("message-{}", app.id);
    let copy_text = message.clone();
    let select_id = id.clone();
    let control = cut_off_control(
        l,
        Connection {
            kind: ConnectionKind::App,
            name: app.id.clone(),
            shown: app.name.clone(),
            cut_at,
            id: format!("app-{}-toggle", app.id),
            cut_label: td_string!(l, sharing.disconnect_app).to_string(),
            restore_label: td_string!(l, sharing.reconnect_app).to_string(),
            effect: td_string!(l, sharing.app_effect).to_string(),
            cut_note: cut_at.map_or_else(String::new, |at| {
                fill(
                    td_string!(l, sharing.disconnected_on),
                    &[("date", &format::date(at))],
                )
            }),
        },
    );
    view! {
        <li class="sharing-card" class:sharing-card--stopped=cut_at.is_some()>
            <h3>{app.name.clone()}</h3>
            <p class="muted">{fill(td_string!(l, sharing.by_line), &[("developer", &app.developer), ("product", &app.product.name()), ("date", &format::date(app.installed_at))])}</p>
            <p>{fill(td_string!(l, sharing.developer_received), &[("what", &app.shared.join(", "))])}</p>
            <p>
                {td_string!(l, sharing.not_control)}
                <a href=app.privacy_policy_url.clone() rel="noopener noreferrer" target="_blank">
                    {td_string!(l, sharing.privacy_policy)}
                    <span class="visually-hidden">" "{fill(td_string!(l, sharing.of_new_tab), &[("developer", &app.developer)])}</span>
                </a>
                {td_string!(l, sharing.applies)}
            </p>
            {control}
            <label for=id.clone()>{fill(td_string!(l, sharing.message_label), &[("contact", &app.developer_contact)])}</label>
            <textarea id=id readonly rows="8" class="sharing-card__message">{message}</textarea>
            <div class="button-row">
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| {
                        let copy_text = copy_text.clone();
                        let id = select_id.clone();
                        leptos::task::spawn_local(async move {
                            if crate::dom::copy_text(&copy_text).await {
                                notices.push(NoticeKind::Success, td_string!(l, sharing.copied));
                            } else {
                                // No clipboard here: the message is selected, ready for the keyboard's copy.
                                crate::dom::select_text_of(&id);
                                notices.push(NoticeKind::Warning, td_string!(l, sharing.copy_failed));
                            }
                        });
                    }
                >
                    {td_string!(l, sharing.copy)}
                </button>
                <a class="button button--quiet" href=format!("mailto:{}", app.developer_contact)>
                    {fill(td_string!(l, sharing.email), &[("contact", &app.developer_contact)])}
                </a>
            </div>
        </li>
    }
}

/// The sign-in services connected, with what each shared, each one disconnected or connected again on its own.
fn sign_in_view(l: Locale, inventory: &Inventory, sharing: &Sharing) -> AnyView {
    if inventory.federated_sign_in.is_empty() {
        view! { <p>{td_string!(l, sharing.no_sign_in)}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {inventory
                    .federated_sign_in
                    .iter()
                    .map(|f| {
                        let cut_at = sharing.cut_off_at(ConnectionKind::SignIn, &f.provider);
                        let name = [("name", &f.provider as &dyn std::fmt::Display)];
                        let control = cut_off_control(
                            l,
                            Connection {
                                kind: ConnectionKind::SignIn,
                                name: f.provider.clone(),
                                shown: f.provider.clone(),
                                cut_at,
                                id: format!("sign-in-{}-toggle", f.provider.to_lowercase()),
                                cut_label: fill(td_string!(l, sharing.disconnect), &name),
                                restore_label: fill(td_string!(l, sharing.reconnect), &name),
                                effect: fill(td_string!(l, sharing.sign_in_effect), &name),
                                cut_note: cut_at.map_or_else(String::new, |at| {
                                    fill(td_string!(l, sharing.disconnected_on), &[("date", &format::date(at))])
                                }),
                            },
                        );
                        view! {
                            <li>
                                <strong>{f.provider.clone()}</strong>
                                {format!(" {}", fill(td_string!(l, sharing.connected), &[("date", &format::date(f.connected_at)), ("what", &f.shared.join(", "))]))}
                                {control}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// The event organisers and marketing providers who sent information about the user, each stopped on its own.
fn sources_view(l: Locale, inventory: &Inventory, sharing: &Sharing) -> AnyView {
    let source = |kind: ConnectionKind, name: &str, line: String, sent: &[String], index: usize| {
        let cut_at = sharing.cut_off_at(kind, name);
        let named = [("name", &name as &dyn std::fmt::Display)];
        let control = cut_off_control(
            l,
            Connection {
                kind,
                name: name.to_string(),
                shown: name.to_string(),
                cut_at,
                id: format!("source-{index}-toggle"),
                cut_label: fill(td_string!(l, sharing.stop_source), &named),
                restore_label: fill(td_string!(l, sharing.restart_source), &named),
                effect: fill(td_string!(l, sharing.source_effect), &named),
                cut_note: cut_at.map_or_else(String::new, |at| {
                    fill(
                        td_string!(l, sharing.source_stopped_on),
                        &[("date", &format::date(at))],
                    )
                }),
            },
        );
        view! {
            <li class="sharing-card" class:sharing-card--stopped=cut_at.is_some()>
                <h3>{name.to_string()}</h3>
                <p class="muted">{line}</p>
                <p>{fill(td_string!(l, sharing.sent), &[("what", &sent.join(", "))])}</p>
                {control}
            </li>
        }
    };
    let organisers = inventory.event_organisers.iter().enumerate().map(|(i, e)| {
        let line = fill(
            td_string!(l, sharing.organiser_line),
            &[("event", &e.event), ("date", &format::day(e.event_on))],
        );
        source(
            ConnectionKind::EventOrganiser,
            &e.organiser,
            line,
            &e.shared,
            i,
        )
    });
    let offset = inventory.event_organisers.len();
    let providers = inventory
        .marketing_providers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let line = fill(
                td_string!(l, sharing.provider_line),
                &[("purpose", &m.purpose)],
            );
            source(
                ConnectionKind::MarketingProvider,
                &m.provider,
                line,
                &m.shared,
                offset + i,
            )
        });
    let cards: Vec<_> = organisers.chain(providers).collect();
    if cards.is_empty() {
        view! { <p>{td_string!(l, sharing.no_sources)}</p> }.into_any()
    } else {
        view! { <ul class="sharing-cards">{cards}</ul> }.into_any()
    }
}

/// What each product's mobile app may reach on each device, and why.
fn devices_view(l: Locale, inventory: &Inventory) -> AnyView {
    if inventory.mobile_devices.is_empty() {
        view! { <p>{td_string!(l, sharing.no_devices)}</p> }.into_any()
    } else {
        inventory
            .mobile_devices
            .iter()
            .map(|d| {
                let rows = [
                    (td_string!(l, labels.field.camera), d.access.camera, td_string!(l, sharing.why_camera)),
                    (td_string!(l, labels.field.call_history), d.access.call_history, td_string!(l, sharing.why_calls)),
                    (td_string!(l, labels.field.contacts), d.access.contacts, td_string!(l, sharing.why_contacts)),
                    (td_string!(l, labels.field.photo_library), d.access.photo_library, td_string!(l, sharing.why_photos)),
                    (td_string!(l, labels.field.location), d.access.location, td_string!(l, sharing.why_location)),
                ]
                .into_iter()
                .map(|(what, granted, why)| view! {
                    <tr>
                        <th scope="row">{what}</th>
                        <td>{if granted { td_string!(l, sharing.allowed) } else { td_string!(l, sharing.not_allowed) }}</td>
                        <td>{why}</td>
                    </tr>
                })
                .collect_view();
                view! {
                    <div class="device-access">
                        <h3>{fill(td_string!(l, sharing.device_app), &[("device", &d.device), ("product", &d.product.name())])}</h3>
                        <table class="cookie-table">
                            <caption class="visually-hidden">{fill(td_string!(l, sharing.device_caption), &[("product", &d.product.name()), ("device", &d.device)])}</caption>
                            <thead>
                                <tr><th scope="col">{td_string!(l, sharing.access)}</th><th scope="col">{td_string!(l, timeline.now)}</th><th scope="col">{td_string!(l, labels.field.purpose)}</th></tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {d.last_location.clone().map(|at| view! { <p class="muted">{fill(td_string!(l, sharing.last_location), &[("location", &at)])}</p> })}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// Why nothing goes to reselling partners now, and for GPC the choice to share with them anyway.
fn marketing_view(
    l: Locale,
    signals: Option<&MarketingSignals>,
    despite: Option<DateTime<Utc>>,
) -> AnyView {
    let session = use_session();
    let notices = use_notices();
    let choose = Action::new_local(move |despite: &bool| {
        let despite = *despite;
        async move {
            let done = if despite {
                td_string!(l, sharing.despite_saved)
            } else {
                td_string!(l, sharing.follow_saved)
            };
            show_sharing_write(
                (l, session, notices),
                api::set_sharing_despite_gpc(despite).await,
                done.to_string(),
            );
        }
    });
    let pending = choose.pending();
    let Some(signals) = signals else {
        return ().into_any();
    };
    if let Some((_, on)) = &signals.objection {
        return view! {
            <p class="sharing__stopped">
                {fill(td_string!(l, sharing.objected_intro), &[("date", &format::day(*on))])}
                " "
                <A href=Page::Communications.href_to("marketing")>{td_string!(l, sharing.withdraw_link)}</A>
            </p>
        }
        .into_any();
    }
    let Some(since) = signals.gpc_since else {
        return ().into_any();
    };
    let (text, button) = match despite {
        Some(on) => (
            fill(
                td_string!(l, sharing.gpc_despite),
                &[("date", &format::date(on))],
            ),
            td_string!(l, sharing.follow_gpc_button),
        ),
        None => (
            fill(
                td_string!(l, sharing.gpc_stops),
                &[("date", &format::day(since))],
            ),
            td_string!(l, sharing.despite_button),
        ),
    };
    let to = despite.is_none();
    view! {
        <p class="sharing__stopped">{text}</p>
        <button
            type="button"
            id="sharing-gpc"
            class="button button--quiet"
            disabled=move || pending.get()
            on:click=move |_| {
                choose.dispatch(to);
            }
        >
            {button}
        </button>
    }
    .into_any()
}

fn render(((sharing, inventory), profile): ((Arc<Sharing>, Arc<Inventory>), Profile)) -> AnyView {
    let l = use_i18n().get_locale();
    let signals = use_session().marketing();
    let stop = signals
        .as_ref()
        .and_then(|s| s.stop(sharing.despite_gpc.is_some()));
    let marketing = marketing_view(l, signals.as_ref(), sharing.despite_gpc);
    // The page's cards take their entries: one copy of the (small) document for this build of the page.
    let sharing = Arc::unwrap_or_clone(sharing);
    let sign_in = sign_in_view(l, &inventory, &sharing);
    let sources = sources_view(l, &inventory, &sharing);
    let app_cuts: Vec<_> = sharing
        .marketplace_apps
        .iter()
        .map(|app| sharing.cut_off_at(ConnectionKind::App, &app.id))
        .collect();
    let no_partners = sharing.reselling_partners.is_empty();
    let no_apps = sharing.marketplace_apps.is_empty();
    let partners = sharing
        .reselling_partners
        .into_iter()
        .map(|partner| partner_card(l, partner, stop.clone()))
        .collect_view();
    let apps = sharing
        .marketplace_apps
        .into_iter()
        .zip(app_cuts)
        .map(|(app, cut_at)| app_card(l, app, &profile, cut_at))
        .collect_view();
    let providers = sharing
        .service_providers
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{labels::provider_kind(l, p.kind)}</th>
                    <td>{p.names.join(", ")}</td>
                    <td>{p.receives.join("; ")}</td>
                    <td>{p.purpose}</td>
                </tr>
            }
        })
        .collect_view();
    let devices = devices_view(l, &inventory);
    view! {
        <section aria-labelledby="partners-title">
            <h2 id="partners-title">{td_string!(l, sharing.partners_title)}</h2>
            <p>{td_string!(l, sharing.partners_intro)}</p>
            {(!no_partners).then_some(marketing)}
            {no_partners.then(|| view! { <p><strong>{td_string!(l, sharing.no_partners)}</strong></p> })}
            <ul class="sharing-cards">{partners}</ul>
        </section>
        <section aria-labelledby="apps-title">
            <h2 id="apps-title">{td_string!(l, sharing.apps_title)}</h2>
            <p>{td_string!(l, sharing.apps_intro)}</p>
            {no_apps.then(|| view! { <p><strong>{td_string!(l, sharing.no_apps)}</strong></p> })}
            <ul class="sharing-cards">{apps}</ul>
        </section>
        <section aria-labelledby="providers-title">
            <h2 id="providers-title">{td_string!(l, sharing.providers_title)}</h2>
            <p>{td_string!(l, sharing.providers_intro)}</p>
            <table class="cookie-table">
                <caption class="visually-hidden">{td_string!(l, sharing.providers_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, labels.field.kind)}</th>
                        <th scope="col">{td_string!(l, sharing.who)}</th>
                        <th scope="col">{td_string!(l, sharing.what_receive)}</th>
                        <th scope="col">{td_string!(l, sharing.why)}</th>
                    </tr>
                </thead>
                <tbody>{providers}</tbody>
            </table>
        </section>
        <section aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{td_string!(l, labels.category.sign_in)}</h2>
            {sign_in}
        </section>
        <section aria-labelledby="sources-title">
            <h2 id="sources-title">{td_string!(l, sharing.sources_title)}</h2>
            <p>{td_string!(l, sharing.sources_intro)}</p>
            {sources}
        </section>
        <section aria-labelledby="devices-title">
            <h2 id="devices-title">{td_string!(l, sharing.devices_title)}</h2>
            <p>
                {td_string!(l, sharing.devices_intro)}
            </p>
            {devices}
        </section>
    }
    .into_any()
}

/// The partners, apps and third parties page.
#[component]
pub fn SharingPage() -> impl IntoView {
    let session = use_session();
    let data = session
        .sharing
        .loaded()
        .and(session.inventory.loaded())
        .and(session.profile.loaded());
    view! {
        <PageHeading page=Page::Sharing />
        <div class="sharing">{async_view(|l| td_string!(l, load.sharing), data, render)}</div>
    }
    .into_any()
}
