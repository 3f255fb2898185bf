//! Boots the portal in the browser.

fn main() {
    console_error_panic_hook::set_once();
    // In a task after the one that compiled and started the module, which is long enough already.
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(privacy_portal::App),
        std::time::Duration::ZERO,
    );
}
