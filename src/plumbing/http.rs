//! Sends Cognito calls over gloo-net: one place turns "no reply" into `CallError`, with a
//! timeout and retries with backoff for transient failures only. Replies are parsed by the
//! browser (`Response.json()`) and read into core's types through serde-wasm-bindgen.

use gloo_net::http::Request;
use js_sys::{Array, Promise};
use reset_link_core::api::{read_reply, EmptyReply, Operation, CONTENT_TYPE};
use reset_link_core::config::Config;
use reset_link_core::error::{retry_delay_ms, CallError};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache};

/// Attempts per call, the first included.
const MAX_ATTEMPTS: u32 = 4;

/// Sends `call` to the configured endpoint, retrying transient failures a few times, and
/// reads the reply.
pub async fn send<O: Operation>(config: &Config, call: &O) -> Result<O::Reply, CallError> {
    let body = to_json(call).ok_or(CallError::Unreadable(0))?;
    let reply = send_raw(config, &call.target(), &body).await?;
    read_reply(reply.status, reply.body.map(serde_wasm_bindgen::Deserializer::from), None)
}

/// `value` as JSON text (maps as plain objects, as Cognito reads them).
fn to_json(value: &impl Serialize) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// A 2xx reply: its status and its JSON, parsed by the browser (`None` when it is not JSON).
struct Reply {
    status: u16,
    body: Option<JsValue>,
}

/// The retry loop and the transport, kept free of the reply type so they exist once in the
/// module (generic, they would be copied for every operation).
async fn send_raw(config: &Config, target: &str, body: &str) -> Result<Reply, CallError> {
    let mut attempt = 1;
    loop {
        match send_once(config, target, body).await {
            Err(error) if error.is_transient() => match retry_delay_ms(attempt, MAX_ATTEMPTS, js_sys::Math::random()) {
                Some(delay) => sleep(delay).await,
                None => return Err(error),
            },
            result => return result,
        }
        attempt += 1;
    }
}

/// One POST, given up after the configured timeout. A 2xx reply is handed back; any other
/// reply is read as Cognito's error (by `__type`, else the `x-amzn-ErrorType` header).
async fn send_once(config: &Config, target: &str, body: &str) -> Result<Reply, CallError> {
    let deadline = Deadline::after(config.request_timeout_ms);
    let request = Request::post(&config.endpoint)
        .header("Content-Type", CONTENT_TYPE)
        .header("X-Amz-Target", target)
        .header("Cache-Control", "no-store")
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&deadline.abort.signal()))
        .body(body)
        .map_err(|_| CallError::Network)?;
    let response = request.send().await.map_err(|_| deadline.failure())?;
    let status = response.status();
    let error_type = response.headers().get("x-amzn-ErrorType");
    let raw: web_sys::Response = response.into();
    // A body that is not JSON (a proxy's error page) reads as no body: the status decides.
    let parsed = match raw.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if parsed.is_none() && deadline.passed() {
        return Err(CallError::Timeout);
    }
    if (200..300).contains(&status) {
        return Ok(Reply { status, body: parsed });
    }
    let error = read_reply::<EmptyReply, _>(status, parsed.map(serde_wasm_bindgen::Deserializer::from), error_type.as_deref());
    Err(error.err().unwrap_or(CallError::Unreadable(status)))
}

/// A time limit on one request: aborts it when it passes.
struct Deadline {
    abort: AbortController,
    timer: i32,
}

impl Deadline {
    /// A deadline `ms` milliseconds from now.
    fn after(ms: u32) -> Deadline {
        let abort = AbortController::new().expect("the browser has AbortController");
        let stop = Closure::once_into_js({
            let abort = abort.clone();
            move || abort.abort()
        });
        let timer = window().set_timeout_with_callback_and_timeout_and_arguments_0(stop.unchecked_ref(), ms as i32).unwrap_or(0);
        Deadline { abort, timer }
    }

    /// Whether the request was cut off by the deadline.
    fn passed(&self) -> bool {
        self.abort.signal().aborted()
    }

    /// What a request that got no reply failed with.
    fn failure(&self) -> CallError {
        if self.passed() {
            CallError::Timeout
        } else {
            CallError::Network
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        window().clear_timeout_with_handle(self.timer);
    }
}

/// The page's window.
fn window() -> web_sys::Window {
    web_sys::window().expect("a page has a window")
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let _ = JsFuture::from(timeout_promise(ms)).await;
}

/// A promise that resolves (to `undefined`) after `ms` milliseconds.
fn timeout_promise(ms: u32) -> Promise {
    Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    })
}

/// What `started` (a promise the page made before the module ran) resolves to, if it does
/// within `timeout_ms`; `None` for a rejection, a timeout, null or undefined.
pub async fn settled(started: Promise, timeout_ms: u32) -> Option<JsValue> {
    let first = Promise::race(&Array::of2(&started, &timeout_promise(timeout_ms)));
    JsFuture::from(first).await.ok().filter(|value| !value.is_null() && !value.is_undefined())
}
