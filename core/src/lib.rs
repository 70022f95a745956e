//! The pure contract of cognito-reset-link, shared by the browser module and the trigger:
//! the reset link, Cognito calls as data, errors and the words people read for them, the
//! password policy, the configuration, the email, and the SRP math of sign-in.
//!
//! It does no I/O: no network, clock, randomness, environment or browser. The shells pass
//! those in, so everything here is tested with plain `cargo test`. It does not parse URLs
//! either: where an address decides where a browser goes, the shell passes in the parser
//! that browser uses.
#![deny(missing_docs)]

pub mod address_change;
pub mod age;
pub mod api;
pub mod brand;
pub mod config;
pub mod email;
pub mod error;
pub mod i18n;
pub mod invitation;
pub mod link;
pub mod policy;
pub mod session;
pub mod sign_in_link;
pub mod srp;
pub mod words;

pub use error::{CallError, CognitoError};
