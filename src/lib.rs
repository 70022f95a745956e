//! Browser module of cognito-reset-link: the DOM, fetch and storage around
//! `reset-link-core`. One entry per page; everything that can be decided without a browser
//! is decided in the core crate.
//!
//! In the browser it is `no_std` (with `alloc`): the standard library's panic and formatting
//! machinery would be a fifth of the download. A panic stops the module (`on_panic`).
#![cfg_attr(target_arch = "wasm32", no_std)]
// A one-page build leaves some shared helpers unused.
#![cfg_attr(not(all(feature = "page-forgot", feature = "page-reset", feature = "page-confirm")), allow(dead_code, unused_imports))]

extern crate alloc;

/// What `std`'s prelude would bring: strings and vectors from `alloc`.
mod prelude {
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
}

mod address;
#[cfg(target_arch = "wasm32")]
mod blocks;
#[cfg(feature = "api")]
mod api;
mod config;
#[cfg(feature = "page-confirm")]
mod confirm;
mod dom;
#[cfg(feature = "page-forgot")]
mod forgot;
mod http;
mod i18n;
#[cfg(feature = "page-reset")]
mod reset;
mod shell;
#[cfg(any(feature = "page-reset", feature = "api"))]
mod signin;
mod timer;

use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: blocks::Blocks = blocks::Blocks::new();

/// A panic ends the module with a trap; with `panic-messages` its message goes to the
/// console first.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn on_panic(_info: &core::panic::PanicInfo) -> ! {
    #[cfg(feature = "panic-messages")]
    console_error(&alloc::format!("{_info}"));
    core::arch::wasm32::unreachable()
}

#[cfg(all(target_arch = "wasm32", feature = "panic-messages"))]
#[wasm_bindgen]
extern "C" {
    /// `console.error`.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(text: &str);
}

/// The SRP work of one sign-in (A, then the password claim), for the benchmark only.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn srp_for_bench(random: &[u8], pool_name: &str, user_id: &str, password: &str, big_b_hex: &str, salt_hex: &str, secret_block: &str) -> alloc::string::String {
    use reset_link_core::srp;
    let started = srp::start(random);
    let challenge = srp::Challenge { pool_name, user_id, big_b_hex, salt_hex, secret_block };
    srp::claim(&started, &challenge, password, "Mon Nov 30 06:05:09 UTC 2026").unwrap_or_default()
}

/// Starts the page named in `<body data-page>`: `forgot`, `reset` or `confirm` (the kit's
/// own pages; not part of the typed API).
#[wasm_bindgen(skip_typescript)]
pub fn start(page: &str) {
    match page {
        #[cfg(feature = "page-forgot")]
        "forgot" => shell::spawn(forgot::run()),
        #[cfg(feature = "page-reset")]
        "reset" => shell::spawn(reset::run()),
        #[cfg(feature = "page-confirm")]
        "confirm" => shell::spawn(confirm::run()),
        _ => dom::set_text("problem", "This page is not set up correctly (unknown data-page)."),
    }
}
