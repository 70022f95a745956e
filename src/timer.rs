//! Waiting in the browser: a sleep, and a button that counts down before it can be used again.

use reset_link_core::json::decimal;

use crate::{dom, http};

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let _ = wasm_bindgen_futures::JsFuture::from(http::delay(ms)).await;
}

/// Disables button `id` for `seconds`, showing `waiting` (with `{s}` for the seconds left),
/// then restores `ready` and enables it.
pub async fn count_down(id: &str, seconds: u32, waiting: &str, ready: &str) {
    dom::enable(id, false);
    for left in (1..=seconds).rev() {
        dom::set_text(id, &waiting.replace("{s}", &decimal(left.into())));
        sleep(1000).await;
    }
    dom::set_text(id, ready);
    dom::enable(id, true);
}
