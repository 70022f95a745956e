//! Cognito calls as data: each request is a serde type naming its operation (the
//! `X-Amz-Target`) and its reply type; each reply, `(status, body)`, becomes that typed reply
//! or a [`CallError`](crate::error::CallError). No transport here: the shells serialize the request and hand the reply
//! back through any serde `Deserializer` (serde_json in the trigger and the tests, the
//! browser's own parsed value on the page).
//!
//! `request.rs` holds the requests, `signed_in.rs` those made with a session's tokens,
//! `by_code.rs` those of sign-in by emailed code (`USER_AUTH` / `EMAIL_OTP`),
//! `reply.rs` the replies and how a reply is read.

use serde::de::DeserializeOwned;
use serde::Serialize;

mod by_code;
mod reply;
mod request;
mod signed_in;

pub use by_code::*;
pub use reply::*;
pub use request::*;
pub use signed_in::*;

/// The `Content-Type` every Cognito call uses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of every `X-Amz-Target` value.
const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// A Cognito request: its body is the serde form of the type.
pub trait Operation: Serialize {
    /// The operation's name, such as `ForgotPassword`.
    const NAME: &'static str;
    /// What a successful call answers.
    type Reply: Reply;

    /// Value of the `X-Amz-Target` header.
    fn target(&self) -> String {
        format!("{TARGET_PREFIX}{}", Self::NAME)
    }
}

/// A reply type: read from the JSON of a 2xx answer.
pub trait Reply: DeserializeOwned {
    /// Whether the reply holds what the caller needs (a sign-in reply without tokens and
    /// without a challenge does not).
    fn is_usable(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
