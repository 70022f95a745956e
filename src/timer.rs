//! Waiting in the browser: a sleep, and a button that counts down before it can be used again.

use crate::dom;

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Disables button `id` for `seconds`, showing `waiting` (with `{s}` for the seconds left),
/// then restores `ready` and enables it.
pub async fn count_down(id: &str, seconds: u32, waiting: &str, ready: &str) {
    dom::enable(id, false);
    for left in (1..=seconds).rev() {
        dom::set_text(id, &waiting.replace("{s}", &left.to_string()));
        sleep(1000).await;
    }
    dom::set_text(id, ready);
    dom::enable(id, true);
}
