//! Sends Cognito calls over fetch: one place turns JS failures into `CallError`, with a
//! timeout and retries with backoff for transient failures only.

use std::{cell::Cell, rc::Rc};

use gloo_net::http::Request;
use reset_link_core::api::{read_reply, Call, CONTENT_TYPE};
use reset_link_core::config::Config;
use reset_link_core::error::{retry_delay_ms, CallError};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::timer;

/// Attempts per call, the first included.
const MAX_ATTEMPTS: u32 = 4;

/// Sends `call` to the configured endpoint, retrying transient failures a few times.
pub async fn send<B: Serialize, T: DeserializeOwned>(config: &Config, call: &Call<B>) -> Result<T, CallError> {
    let body = to_json(&call.body);
    let mut attempt = 1;
    loop {
        match send_once(&config.endpoint, &call.target, &body, config.request_timeout_ms as i32).await {
            Err(error) if error.is_transient() => match retry_delay_ms(attempt, MAX_ATTEMPTS, js_sys::Math::random()) {
                Some(delay) => timer::sleep(delay as i32).await,
                None => return Err(error),
            },
            result => return result,
        }
        attempt += 1;
    }
}

/// One request, aborted after `timeout_ms`.
async fn send_once<T: DeserializeOwned>(endpoint: &str, target: &str, body: &str, timeout_ms: i32) -> Result<T, CallError> {
    let controller = web_sys::AbortController::new().map_err(|_| CallError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let window = web_sys::window().ok_or(CallError::Network)?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), timeout_ms)
        .unwrap_or(0);
    let sent = Request::post(endpoint)
        .header("Content-Type", CONTENT_TYPE)
        .header("X-Amz-Target", target)
        .header("Cache-Control", "no-store")
        .abort_signal(Some(&controller.signal()))
        .body(body)
        .map_err(|_| CallError::Network)?
        .send()
        .await;
    let failed = |timed_out: &Cell<bool>| if timed_out.get() { CallError::Timeout } else { CallError::Network };
    let response = match sent {
        Ok(response) => response,
        Err(_) => {
            window.clear_timeout_with_handle(timer);
            return Err(failed(&timed_out));
        }
    };
    let text = response.text().await;
    window.clear_timeout_with_handle(timer);
    let text = text.map_err(|_| failed(&timed_out))?;
    let parsed = js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL);
    let error_header = response.headers().get("x-amzn-ErrorType");
    read_reply(response.status(), serde_wasm_bindgen::Deserializer::from(parsed), error_header.as_deref())
}

/// Serializes a request body to JSON text.
fn to_json<B: Serialize>(body: &B) -> String {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    body.serialize(&serializer)
        .ok()
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "{}".into())
}
