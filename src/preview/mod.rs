//! The designer preview: the panel that simulates conditions, links that open a page in a chosen state, and the
//! component gallery at `/gallery`. Debug builds only (`cfg(preview)`, set by build.rs); nothing outside this tree
//! knows it exists but the shell, which shows it (and leaves out the cookie banner on the gallery), and the mock backend's simulated conditions it sets
//! (`api::simulate`: latency, a failing read, pretended privacy signals).

pub mod gallery;
pub mod panel;

use leptos::prelude::*;

use crate::api;

/// Applies a preview link's conditions (demo user, latency, failures) before anything is read.
pub fn start() {
    api::simulate::apply_location();
}

/// The preview panel; a preview link asking for the first-visit banner gets it.
pub fn panel() -> AnyView {
    if api::simulate::current().banner {
        panel::show_banner_again();
    }
    view! { <panel::PreviewPanel /> }.into_any()
}

/// The component gallery, shown at its path instead of "page not found".
pub fn gallery_at(path: &str) -> Option<AnyView> {
    (path == gallery::PATH).then(|| view! { <gallery::GalleryPage /> }.into_any())
}

/// Whether the shell leaves out the cookie banner at `path`: the gallery shows it in each of its states instead.
pub fn hides_banner(path: &str) -> bool {
    path == gallery::PATH
}
