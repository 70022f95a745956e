//! The pure contract of cognito-reset-link, shared by the browser module and the trigger:
//! the reset link, Cognito calls as data, errors and the words people read for them, the
//! password policy, the configuration, and the email.
//!
//! It does no I/O: no network, clock, randomness, environment or browser. The shells pass
//! those in, so everything here is tested with plain `cargo test`.
#![deny(missing_docs)]
// `no_std` (with `alloc`) keeps the standard library's panic and formatting machinery out
// of the browser module; the trigger links this crate under `std` as usual.
#![no_std]

extern crate alloc;
#[cfg(test)]
extern crate std;

/// What `std`'s prelude would bring: strings, vectors and boxes from `alloc`.
mod prelude {
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
    pub use alloc::{format, vec};
}

pub mod api;
pub mod config;
pub mod email;
pub mod error;
pub mod i18n;
pub mod json;
pub mod link;
pub mod policy;
pub mod session;
pub mod srp;
pub mod text;
pub mod words;

pub use error::{CallError, CognitoError};
