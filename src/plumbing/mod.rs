//! The browser plumbing the pages use: the DOM, fetch, words, brand, storage, the link and
//! its age, the configuration, timers, the sign-in. A file belongs here by what it is, a
//! piece of the browser a page works with, not what one page does; it is no entry and does
//! not know which page it is on. Most serve several modules (the pages, the account module,
//! the npm API in `src/api/`); each is compiled only into the modules that use it (the
//! gates below), so a page downloads none of the others' plumbing. Plumbing never uses a page.
//!
//! The imports between these files go one way, with no circle: `dom` and `http` use nothing
//! here; `brand` uses `dom`; `i18n` (the words, and writing them on the page) uses `dom`,
//! `brand` and `http`; the rest build on those.

#[cfg(any(feature = "page-reset", feature = "page-welcome"))]
pub(crate) mod account_loader;
pub(crate) mod address;
#[cfg(any(feature = "page-reset", feature = "page-confirm", feature = "page-welcome", feature = "page-verify", feature = "page-signin"))]
pub(crate) mod age;
#[cfg(any(feature = "page-verify", feature = "api"))]
pub(crate) mod attribute_calls;
pub(crate) mod brand;
#[cfg(any(feature = "page-reset", feature = "page-welcome"))]
pub(crate) mod checklist;
#[cfg(any(feature = "page-forgot", feature = "page-account", feature = "page-confirm", feature = "api"))]
// Each page makes some of these calls; the npm API makes all of them.
#[cfg_attr(not(feature = "api"), allow(dead_code))]
pub(crate) mod code_calls;
pub(crate) mod config;
pub(crate) mod dom;
pub(crate) mod http;
pub(crate) mod i18n;
#[cfg(any(feature = "page-account", feature = "api-password"))]
pub(crate) mod invitation_calls;
#[cfg(any(feature = "page-signin", feature = "api"))]
pub(crate) mod pending;
#[cfg(any(feature = "page-account", feature = "api", feature = "api-password", feature = "page-signin"))]
pub(crate) mod signin;
#[cfg(any(feature = "page-signin", feature = "api"))]
pub(crate) mod sign_in_calls;
pub(crate) mod timer;
