//! Reading a photo the user picked: judged by its bytes and by the browser decoding it, never by its name, then
//! scaled down to a 256-pixel copy (all the portal shows, and all it keeps).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::profile_rules::check_photo;
use crate::i18n::{td_string, Locale};
use crate::text::labels;

/// The longest side of the kept copy, in pixels.
const KEPT_SIZE: f64 = 256.0;

/// Checks `file` and returns a `data:` URL of the scaled copy, or the message to show at the field.
pub async fn prepare_photo(l: Locale, file: web_sys::File) -> Result<String, String> {
    let not_an_image = || td_string!(l, profile.photo_unreadable).to_string();
    let size = file.size() as u64;
    let head = file
        .slice_with_i32_and_i32(0, 16)
        .map_err(|_| not_an_image())?;
    let head = JsFuture::from(head.array_buffer())
        .await
        .map_err(|_| not_an_image())?;
    let head = js_sys::Uint8Array::new(&head).to_vec();
    check_photo(size, &head).map_err(|p| labels::photo_problem(l, p).to_string())?;

    let window = web_sys::window().ok_or_else(not_an_image)?;
    let decoding = window
        .create_image_bitmap_with_blob(&file)
        .map_err(|_| not_an_image())?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(decoding)
        .await
        .map_err(|_| not_an_image())?
        .dyn_into()
        .map_err(|_| not_an_image())?;
    let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    if width < 1.0 || height < 1.0 {
        return Err(not_an_image());
    }
    let scale = (KEPT_SIZE / width.max(height)).min(1.0);
    let (w, h) = (
        (width * scale).round().max(1.0),
        (height * scale).round().max(1.0),
    );

    let canvas: web_sys::HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| not_an_image())?
        .unchecked_into();
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(not_an_image)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
        .map_err(|_| not_an_image())?;
    bitmap.close();
    canvas
        .to_data_url_with_type("image/webp")
        .map_err(|_| not_an_image())
}
