//! Browser module of cognito-reset-link: the DOM, fetch and storage around
//! `reset-link-core`. One entry per page; everything that can be decided without a browser
//! is decided in the core crate.

mod address;
#[cfg(target_arch = "wasm32")]
mod blocks;
#[cfg(feature = "api")]
mod api;
mod config;
mod confirm;
mod dom;
mod forgot;
mod http;
mod i18n;
mod reset;
mod signin;
mod timer;

use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: blocks::Blocks = blocks::Blocks::new();

/// Sets the panic hook once, when the module loads (only with `panic-messages`).
#[wasm_bindgen(start, skip_typescript)]
fn on_load() {
    #[cfg(feature = "panic-messages")]
    console_error_panic_hook::set_once();
}

/// The SRP work of one sign-in (A, then the password claim), for the benchmark only.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn srp_for_bench(random: &[u8], pool_name: &str, user_id: &str, password: &str, big_b_hex: &str, salt_hex: &str, secret_block: &str) -> String {
    use reset_link_core::srp;
    let started = srp::start(random);
    let challenge = srp::Challenge { pool_name, user_id, big_b_hex, salt_hex, secret_block };
    srp::claim(&started, &challenge, password, "Mon Nov 30 06:05:09 UTC 2026").map(|c| c.signature).unwrap_or_default()
}

/// Starts the page named in `<body data-page>`: `forgot`, `reset` or `confirm` (the kit's
/// own pages; not part of the typed API).
#[wasm_bindgen(skip_typescript)]
pub fn start(page: &str) {
    match page {
        "forgot" => wasm_bindgen_futures::spawn_local(forgot::run()),
        "reset" => wasm_bindgen_futures::spawn_local(reset::run()),
        "confirm" => wasm_bindgen_futures::spawn_local(confirm::run()),
        _ => dom::set_text("problem", "This page is not set up correctly (unknown data-page)."),
    }
}
