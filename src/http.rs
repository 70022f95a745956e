//! Sends Cognito calls: one place turns "no reply" into `CallError`, with a timeout and
//! retries with backoff for transient failures only.

use crate::prelude::*;

use reset_link_core::api::{read_reply, Call, EmptyReply, Reply, CONTENT_TYPE};
use reset_link_core::config::Config;
use reset_link_core::error::{retry_delay_ms, CallError};

use crate::shell::{self, NO_REPLY, TIMED_OUT};

/// Attempts per call, the first included.
const MAX_ATTEMPTS: u32 = 4;

/// Sends `call` to the configured endpoint, retrying transient failures a few times, and
/// reads the reply as `T`.
pub async fn send<T: Reply>(config: &Config, call: &Call) -> Result<T, CallError> {
    let reply = send_raw(config, call).await?;
    read_reply(reply.status, &reply.text, reply.error_type.as_deref())
}

/// The retry loop, kept free of the reply type so it exists once in the module.
async fn send_raw(config: &Config, call: &Call) -> Result<shell::Reply, CallError> {
    let mut attempt = 1;
    loop {
        match send_once(config, call).await {
            Err(error) if error.is_transient() => match retry_delay_ms(attempt, MAX_ATTEMPTS, shell::chance()) {
                Some(delay) => {
                    shell::sleep(delay).await;
                }
                None => return Err(error),
            },
            result => return result,
        }
        attempt += 1;
    }
}

/// One POST, given up after the configured timeout; a reply that reads as a transient
/// failure counts as one, so it is retried.
async fn send_once(config: &Config, call: &Call) -> Result<shell::Reply, CallError> {
    let timeout = config.request_timeout_ms;
    let reply = shell::fetch(&config.endpoint, Some(&call.target), CONTENT_TYPE, &call.body, timeout).await;
    match reply.status {
        200..=299 => Ok(reply),
        NO_REPLY => Err(CallError::Network),
        TIMED_OUT => Err(CallError::Timeout),
        status => Err(read_reply::<EmptyReply>(status, &reply.text, reply.error_type.as_deref()).err().unwrap_or(CallError::Unreadable(status))),
    }
}

/// The body of the file at `path` (next to the pages), or `None` when it cannot be read.
pub async fn fetch_file(path: &str, timeout_ms: u32) -> Option<String> {
    let reply = shell::fetch(path, None, "", "", timeout_ms).await;
    (reply.status == 200).then_some(reply.text)
}
