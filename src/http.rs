//! Sends Cognito calls over fetch: one place turns JS failures into `CallError`, with a
//! timeout and retries with backoff for transient failures only.

use crate::prelude::*;
use alloc::rc::Rc;
use core::cell::Cell;

use js_sys::{Math, Promise};
use reset_link_core::api::{read_reply, Call, EmptyReply, Reply, CONTENT_TYPE};
use reset_link_core::config::Config;
use reset_link_core::error::{retry_delay_ms, CallError};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

use crate::timer;

/// Attempts per call, the first included.
const MAX_ATTEMPTS: u32 = 4;

/// Sends `call` to the configured endpoint, retrying transient failures a few times, and
/// reads the reply as `T`.
pub async fn send<T: Reply>(config: &Config, call: &Call) -> Result<T, CallError> {
    let (status, text, error_type) = send_raw(config, call).await?;
    read_reply(status, &text, error_type.as_deref())
}

/// The retry loop, kept free of the reply type so it exists once in the module.
async fn send_raw(config: &Config, call: &Call) -> Result<(u16, String, Option<String>), CallError> {
    let mut attempt = 1;
    loop {
        match send_once(config, call).await {
            Err(error) if error.is_transient() => match retry_delay_ms(attempt, MAX_ATTEMPTS, Math::random()) {
                Some(delay) => timer::sleep(delay as i32).await,
                None => return Err(error),
            },
            result => return result,
        }
        attempt += 1;
    }
}

/// One POST, aborted after the configured timeout; a reply that reads as a transient
/// failure counts as one, so it is retried.
async fn send_once(config: &Config, call: &Call) -> Result<(u16, String, Option<String>), CallError> {
    let headers = Headers::new().map_err(|_| CallError::Network)?;
    let _ = headers.set("Content-Type", CONTENT_TYPE);
    let _ = headers.set("X-Amz-Target", &call.target);
    let _ = headers.set("Cache-Control", "no-store");
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&call.body));
    let (status, text, error_type) = fetch_text(&config.endpoint, &init, config.request_timeout_ms as i32).await?;
    if (200..300).contains(&status) {
        return Ok((status, text, error_type));
    }
    Err(read_reply::<EmptyReply>(status, &text, error_type.as_deref()).err().unwrap_or(CallError::Unreadable(status)))
}

/// Fetches `url` and reads the whole body within `timeout_ms`: status, text and the
/// `x-amzn-ErrorType` header.
pub async fn fetch_text(url: &str, init: &RequestInit, timeout_ms: i32) -> Result<(u16, String, Option<String>), CallError> {
    let window = web_sys::window().ok_or(CallError::Network)?;
    let controller = AbortController::new().map_err(|_| CallError::Network)?;
    init.set_signal(Some(&controller.signal()));
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), timeout_ms)
        .unwrap_or(0);
    let result = async {
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init)).await.ok()?.dyn_into().ok()?;
        let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        let error_type = response.headers().get("x-amzn-ErrorType").ok().flatten();
        Some((response.status(), text, error_type))
    }
    .await;
    window.clear_timeout_with_handle(timer);
    result.ok_or(if timed_out.get() { CallError::Timeout } else { CallError::Network })
}

/// A promise that resolves after `ms` milliseconds.
pub fn delay(ms: i32) -> Promise {
    Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}
