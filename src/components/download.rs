//! Offering text produced in the browser as a file download (consent receipts, exports, CSV).

use wasm_bindgen::{JsCast, JsValue};

/// Saves `text` as a file called `file_name`. Returns an error message if the browser refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let document = leptos::prelude::document();
    let link = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_string())?
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        let _added = body.append_child(&link);
        link.click();
        link.remove();
    }
    // The browser reads the file through the URL after the click returns, at a moment it does not report: the URL
    // is let go a minute later, when any download has long started, instead of at once (some browsers then save
    // nothing).
    leptos::prelude::set_timeout(
        move || {
            let _revoked = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
