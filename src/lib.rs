//! Browser module of cognito-reset-link: the DOM, fetch and storage around
//! `reset-link-core`, on wasm-bindgen, web-sys, js-sys, wasm-bindgen-futures, gloo-net and
//! serde-wasm-bindgen. One entry per page; everything that can be decided without a browser
//! is decided in the core crate.
//!
//! Each page gets its own build (the `page-*` features), so a person downloads only the code
//! of the page they opened. The reset page's form is usable with its own module alone:
//! everything after the press (the calls, the sign-in with SRP, the words for how it went)
//! is a second module (`page-account`), fetched once the form works, while the person types.
//!
//! `src/` holds two kinds of file: the pages (`pages/`, one entry each, and the account
//! module's calls) and the browser plumbing they share (`plumbing/`: DOM, fetch, words,
//! brand, storage, and the calls of each flow), whose imports go one way. `api/` is the npm
//! package's two entries, over the same calls.
// A one-page build leaves some shared helpers unused.
#![cfg_attr(not(all(feature = "page-forgot", feature = "page-reset", feature = "page-confirm")), allow(dead_code, unused_imports))]

#[cfg(any(feature = "api", feature = "api-password"))]
mod api;
mod pages;
mod plumbing;

use wasm_bindgen::prelude::*;

use plumbing::{address, dom, i18n};

/// The allocator of every module: talc, which grows wasm memory as needed. Each module is one
/// thread, so its lock is never contended.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: this is the module's only allocator and the only use of talc's wasm memory handler.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// Runs once when a page's module starts: a panic is written to the console (with its
/// message) and ends on words on the page, never on a form that silently stops answering.
/// The npm package's modules have no start: they touch nothing on the host page.
#[cfg(not(any(feature = "api", feature = "api-password")))]
#[wasm_bindgen(start)]
fn on_load() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::stop("Something went wrong on this page. Please reload it and try again.");
    }));
}

/// The SRP work of one sign-in (A, then the password claim), for the benchmark only
/// (`npm run bench` builds it with the `bench` feature; the pages never export it).
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn srp_for_bench(random: &[u8], pool_name: &str, user_id: &str, password: &str, big_b_hex: &str, salt_hex: &str, secret_block: &str) -> String {
    use reset_link_core::srp;
    let started = srp::start(random);
    let challenge = srp::Challenge { pool_name, user_id, big_b_hex, salt_hex, secret_block };
    srp::claim(&started, &challenge, password, "Mon Nov 30 06:05:09 UTC 2026").unwrap_or_default()
}

/// Starts the page named in `<body data-page>`: `forgot`, `reset`, `confirm`, `welcome`, `verify` or `signin` (the kit's
/// own pages; not part of the typed API). `link` is the address's query and fragment, which
/// the page has already taken out of the address bar; `config` is the page's early request for
/// `www/config.json` (a promise of the parsed file), and `server_clock` a promise of the
/// server's time minus the device's in milliseconds, from that response's `Date` (NaN
/// without one); `load_account` loads the account module (the reset page calls it once the
/// form works); `load_words(language)` fetches a language's catalogue (a promise of the
/// parsed file).
#[cfg(any(feature = "page-forgot", feature = "page-reset", feature = "page-confirm", feature = "page-welcome", feature = "page-verify", feature = "page-signin"))]
#[wasm_bindgen(skip_typescript)]
pub fn start(page: &str, link: String, config: js_sys::Promise, server_clock: js_sys::Promise, load_account: js_sys::Function, load_words: js_sys::Function) {
    let _ = (&config, &load_account, &server_clock);
    address::hand_over(link);
    #[cfg(any(feature = "page-reset", feature = "page-confirm", feature = "page-welcome", feature = "page-verify", feature = "page-signin"))]
    plumbing::age::set_server_clock(server_clock);
    i18n::set_loader(load_words);
    match page {
        #[cfg(feature = "page-forgot")]
        "forgot" => wasm_bindgen_futures::spawn_local(pages::forgot::run(config)),
        #[cfg(feature = "page-reset")]
        "reset" => wasm_bindgen_futures::spawn_local(pages::reset::run(config, load_account)),
        #[cfg(feature = "page-confirm")]
        "confirm" => wasm_bindgen_futures::spawn_local(pages::confirm::run(config)),
        #[cfg(feature = "page-verify")]
        "verify" => wasm_bindgen_futures::spawn_local(pages::verify::run(config)),
        #[cfg(feature = "page-welcome")]
        "welcome" => wasm_bindgen_futures::spawn_local(pages::welcome::run(config, load_account)),
        #[cfg(feature = "page-signin")]
        "signin" => wasm_bindgen_futures::spawn_local(pages::sign_in_page::run(config)),
        _ => dom::stop("This page is not set up correctly (unknown data-page)."),
    }
}
