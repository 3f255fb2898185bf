//! Boots the portal in the browser.

fn main() {
    console_error_panic_hook::set_once();
    // In a task after the one that compiled and started the module, which is long enough already; once the runtime
    // configuration (config.json, which backend) is read, so the first view already knows it. A configuration that
    // cannot be read is read again by the first page's reads, which then say what failed and offer to try again.
    wasm_bindgen_futures::spawn_local(async {
        let _read_or_retried_later = privacy_portal::api::configure().await;
        leptos::mount::mount_to_body(privacy_portal::App);
    });
}
