//! `/sharing`: who receives the user's information: reselling partners (with "Stop working with this partner"),
//! marketplace app developers (with a ready-to-send message), the kinds of service provider, sign-in providers,
//! and what the mobile apps can reach on each device.

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::domain::inventory::Inventory;
use crate::domain::profile::Profile;
use crate::domain::sharing::{MarketplaceApp, ResellingPartner, Sharing};
use crate::routes::Page;
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

/// The message a user can send an app developer to ask about their data.
fn message_to_developer(app: &MarketplaceApp, profile: &Profile) -> String {
    format!(
        "To the data protection team of {developer},\n\n\
I use your app “{name}” from the iCanopus marketplace, with {product}. When I installed it on {installed}, iCanopus shared my name and email address with you.\n\n\
Please tell me what personal information you hold about me, what you use it for, who you share it with and how long you keep it, and send me a copy of it.\n\n\
Name: {user}\nEmail address: {email}\n\nThank you,\n{user}",
        developer = app.developer,
        name = app.name,
        product = app.product.name(),
        installed = format::date(app.installed_at),
        user = profile.account.name,
        email = profile.account.email,
    )
}

fn partner_card(partner: ResellingPartner) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let id = partner.id.clone();
    let name = partner.name.clone();
    let toggle = Action::new_local(move |active: &bool| {
        let active = *active;
        let id = id.clone();
        let name = name.clone();
        async move {
            match api::set_partner_active(&id, active).await {
                Ok(shared) => {
                    notices.push(
                        NoticeKind::Success,
                        if active {
                            format!("You work with {name} again.")
                        } else {
                            format!("You no longer work with {name}: they will not receive your information or contact you about our products.")
                        },
                    );
                    session.sharing.replace(shared);
                    session.activity.refresh_if_used();
                }
                Err(error) => {
                    notices.push(NoticeKind::Warning, format!("Nothing changed. {error}"))
                }
            }
        }
    });
    let pending = toggle.pending();
    let active = partner.active;
    let status = match partner.stopped_at {
        Some(at) if !active => format!(
            "You stopped working with this partner on {}: we no longer share your information with them.",
            format::date(at)
        ),
        _ if !active => "You stopped working with this partner: we no longer share your information with them.".to_string(),
        _ => "They may contact you about products you use, and only for that.".to_string(),
    };
    view! {
        <li class="sharing-card" class:sharing-card--stopped=!active>
            <h3>{partner.name.clone()}</h3>
            <p class="muted">{format!("Reselling partner in {}", partner.region)}</p>
            <p>
                {format!("Received on {}: {}.", format::date(partner.shared_at), partner.shared.join(", "))}
            </p>
            <p>{status}</p>
            <button
                type="button"
                class=if active { "button button--secondary" } else { "button button--quiet" }
                disabled=move || pending.get()
                on:click=move |_| {
                    toggle.dispatch(!active);
                }
            >
                {if active { "Stop working with this partner" } else { "Work with this partner again" }}
                <span class="visually-hidden">{format!(" ({})", partner.name)}</span>
            </button>
        </li>
    }
}

fn app_card(app: MarketplaceApp, profile: &Profile) -> impl IntoView {
    let notices = use_notices();
    let message = message_to_developer(&app, profile);
    let id = format!("message-{}", app.id);
    let copy_text = message.clone();
    view! {
        <li class="sharing-card">
            <h3>{app.name.clone()}</h3>
            <p class="muted">{format!("By {} · for {} · installed {}", app.developer, app.product.name(), format::date(app.installed_at))}</p>
            <p>{format!("The developer received: {}.", app.shared.join(", "))}</p>
            <p>
                "iCanopus does not control what the developer does with it; their own "
                <a href=app.privacy_policy_url.clone() rel="noopener noreferrer" target="_blank">
                    "privacy policy"
                    <span class="visually-hidden">{format!(" of {} (opens in a new tab)", app.developer)}</span>
                </a>
                " applies."
            </p>
            <label for=id.clone()>{format!("A message you can send to {}", app.developer_contact)}</label>
            <textarea id=id readonly rows="8" class="sharing-card__message">{message}</textarea>
            <div class="button-row">
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| {
                        let clipboard = window().navigator().clipboard();
                        let promise = clipboard.write_text(&copy_text);
                        leptos::task::spawn_local(async move {
                            match wasm_bindgen_futures::JsFuture::from(promise).await {
                                Ok(_) => notices.push(NoticeKind::Success, "The message is copied. Paste it into an email."),
                                Err(_) => notices.push(NoticeKind::Warning, "The browser did not allow copying: select the message and copy it yourself."),
                            }
                        });
                    }
                >
                    "Copy the message"
                </button>
                <a class="button button--quiet" href=format!("mailto:{}", app.developer_contact)>
                    {format!("Email {}", app.developer_contact)}
                </a>
            </div>
        </li>
    }
}

fn render(((sharing, inventory), profile): ((Sharing, Inventory), Profile)) -> AnyView {
    let no_partners = sharing.reselling_partners.is_empty();
    let no_apps = sharing.marketplace_apps.is_empty();
    let partners = sharing
        .reselling_partners
        .into_iter()
        .map(partner_card)
        .collect_view();
    let apps = sharing
        .marketplace_apps
        .into_iter()
        .map(|app| app_card(app, &profile))
        .collect_view();
    let providers = sharing
        .service_providers
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{labels::provider_kind(p.kind)}</th>
                    <td>{p.names.join(", ")}</td>
                    <td>{p.receives.join("; ")}</td>
                    <td>{p.purpose}</td>
                </tr>
            }
        })
        .collect_view();
    let sign_in = if inventory.federated_sign_in.is_empty() {
        view! { <p>"You do not sign in with another provider."</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {inventory
                    .federated_sign_in
                    .iter()
                    .map(|f| view! {
                        <li>
                            <strong>{f.provider.clone()}</strong>
                            {format!(" · connected {} · shared: {}", format::date(f.connected_at), f.shared.join(", "))}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let devices = if inventory.mobile_devices.is_empty() {
        view! { <p>"None of our mobile apps has access to a device of yours."</p> }.into_any()
    } else {
        inventory
            .mobile_devices
            .iter()
            .map(|d| {
                let rows = [
                    ("Camera", d.access.camera, "To scan documents and take photos you add to records"),
                    ("Call history", d.access.call_history, "To log calls with your contacts"),
                    ("Contacts", d.access.contacts, "To find and add people from your address book"),
                    ("Photo library", d.access.photo_library, "To attach photos you choose"),
                    ("Location", d.access.location, "Only to map locations, shared only with our mapping provider"),
                ]
                .into_iter()
                .map(|(what, granted, why)| view! {
                    <tr>
                        <th scope="row">{what}</th>
                        <td>{if granted { "Allowed" } else { "Not allowed" }}</td>
                        <td>{why}</td>
                    </tr>
                })
                .collect_view();
                view! {
                    <div class="device-access">
                        <h3>{format!("{} · {} app", d.device, d.product.name())}</h3>
                        <table class="cookie-table">
                            <caption class="visually-hidden">{format!("What the {} app can reach on your {}", d.product.name(), d.device)}</caption>
                            <thead>
                                <tr><th scope="col">"Access"</th><th scope="col">"Now"</th><th scope="col">"Used for"</th></tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {d.last_location.clone().map(|l| view! { <p class="muted">{format!("Last location sent for mapping: {l}.")}</p> })}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="partners-title">
            <h2 id="partners-title">"Reselling partners in your region"</h2>
            <p>"We may share your information with authorised reselling partners, only so they can contact you about products you use. You can stop that at any time."</p>
            {no_partners.then(|| view! { <p><strong>"No reselling partner has your information."</strong></p> })}
            <ul class="sharing-cards">{partners}</ul>
        </section>
        <section aria-labelledby="apps-title">
            <h2 id="apps-title">"Marketplace apps you installed"</h2>
            <p>"When you install an app from our marketplace, its developer receives your name and email address."</p>
            {no_apps.then(|| view! { <p><strong>"You have not installed any marketplace app."</strong></p> })}
            <ul class="sharing-cards">{apps}</ul>
        </section>
        <section aria-labelledby="providers-title">
            <h2 id="providers-title">"Service providers we use"</h2>
            <p>"They may use your information only to provide their service to us."</p>
            <table class="cookie-table">
                <caption class="visually-hidden">"Kinds of service provider, what each receives and why"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"What they receive"</th>
                        <th scope="col">"Why"</th>
                    </tr>
                </thead>
                <tbody>{providers}</tbody>
            </table>
        </section>
        <section aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">"Sign-in providers"</h2>
            {sign_in}
        </section>
        <section aria-labelledby="devices-title">
            <h2 id="devices-title">"Mobile app access on your devices"</h2>
            <p>
                "You can turn any of these off at any time in your device's settings: on iPhone and iPad, Settings, then the app's name; on Android, Settings, Apps, the app, then Permissions."
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
        <div class="sharing">{async_view("the list of partners and apps", data, render)}</div>
    }
    .into_any()
}
