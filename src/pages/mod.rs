//! The pages: one file per entry the browser starts, each its own module behind its `page-*`
//! feature (`start` in `lib.rs` picks it by `<body data-page>`), plus the account module
//! (`page-account`) that the reset and welcome pages load once their form works. A page file
//! holds what that page does and says; what more than one page needs is plumbing
//! (`src/plumbing/`). Pages may use plumbing; plumbing never uses a page.

#[cfg(feature = "page-account")]
pub(crate) mod account;
#[cfg(feature = "page-confirm")]
pub(crate) mod confirm;
#[cfg(feature = "page-forgot")]
pub(crate) mod forgot;
/// The account module's call for the welcome page.
#[cfg(feature = "page-account")]
pub(crate) mod invitation;
#[cfg(feature = "page-reset")]
pub(crate) mod reset;
#[cfg(feature = "page-signin")]
pub(crate) mod sign_in_page;
#[cfg(feature = "page-verify")]
pub(crate) mod verify;
#[cfg(feature = "page-welcome")]
pub(crate) mod welcome;
