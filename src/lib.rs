//! Browser module of cognito-reset-link: the DOM, fetch and storage around
//! `reset-link-core`. One entry per page; everything that can be decided without a browser
//! is decided in the core crate.

mod config;
mod dom;
mod forgot;
mod http;
mod reset;
mod signin;
mod timer;

use wasm_bindgen::prelude::*;

/// Sets the panic hook once, when the module loads (only with `panic-messages`).
#[wasm_bindgen(start)]
fn on_load() {
    #[cfg(feature = "panic-messages")]
    console_error_panic_hook::set_once();
}

/// Starts the page named in `<body data-page>`: `forgot` or `reset`.
#[wasm_bindgen]
pub fn start(page: &str) {
    match page {
        "forgot" => wasm_bindgen_futures::spawn_local(forgot::run()),
        "reset" => wasm_bindgen_futures::spawn_local(reset::run()),
        _ => dom::set_text("problem", "This page is not set up correctly (unknown data-page)."),
    }
}
