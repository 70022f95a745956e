//! The reset page's form module: reads the link and scrubs it from the address bar, and
//! checks the new password live against the pool's policy. What follows the person's press
//! (the calls, the sign-in, the words for how it went) is the account module's
//! (`src/pages/account.rs`), which loads while the person types: a smaller first module is a form
//! that works sooner on a slow phone.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use reset_link_core::age::LinkKind;
use reset_link_core::config::Config;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::plumbing::account_loader::AccountLoader;
use reset_link_core::link::{clean_code, clean_username, LinkParams};
use reset_link_core::policy::Rule;
use reset_link_core::words::{ForgotOutcome, ResetAdvice};

use crate::plumbing::age::Age;
use crate::plumbing::checklist::{update_checklist, wire};
use crate::plumbing::{address, age, config, dom, i18n};

/// What the page holds between events.
struct Page {
    config: Config,
    /// What the link carried; its code is kept out of the DOM.
    link: LinkParams,
    /// A request is running: further clicks are ignored.
    busy: Cell<bool>,
    /// The configuration as the browser parsed it, for the account module.
    raw_config: JsValue,
    /// The account module (`www/pkg/account.js`).
    account: AccountLoader,
}

#[wasm_bindgen]
extern "C" {
    /// The account module (`src/pages/account.rs`), once loaded. Each call takes the configuration
    /// as parsed and the page's words (`i18n::handover`).
    type AccountModule;
    /// Sets the new password, signs in, and shows how it went; resolves once the page is the
    /// person's again.
    #[wasm_bindgen(method, js_name = resetPassword)]
    fn reset_password(this: &AccountModule, config: &JsValue, words: &JsValue, username: &str, code: &str, password: &str, shown: Option<String>, redirect: Option<String>) -> Promise;
    /// Asks for a new link and says how it went; resolves then.
    #[wasm_bindgen(method, js_name = sendResetLink)]
    fn send_reset_link(this: &AccountModule, config: &JsValue, words: &JsValue, username: &str) -> Promise;
}

/// Wires the page.
pub async fn run(config: Promise, load_account: Function) {
    let link = read_link();
    let (config, raw_config) = match config::load_raw(config).await {
        Ok(loaded) => loaded,
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(link.lang.as_deref(), &config).await;
    wire(&config);
    // The code that sends the form is not needed until the person submits: it loads while
    // they type.
    let account = AccountLoader::start(load_account);
    let page = Rc::new(Page { config, link, busy: Cell::new(false), raw_config, account });
    let submit_page = page.clone();
    dom::on("form", "submit", move || wasm_bindgen_futures::spawn_local(submit(submit_page.clone())));
    let age = age::show(&page.link, LinkKind::Reset).await;
    dom::on("new-link", "click", move || wasm_bindgen_futures::spawn_local(send_new_link(page.clone())));
    dom::mark_ready();
    match age {
        Age::Expired => offer_new_link_only(),
        // Only the device's clock says so: a new link beside the form, which stays usable.
        Age::MayHaveExpired => dom::show("new-link", true),
        Age::Fine => {}
    }
}

/// An expired link: says so and offers a new one before the person types anything.
fn offer_new_link_only() {
    dom::show("form", false);
    i18n::say_words(ResetAdvice::ExpiredLink.key(), true);
    dom::show("new-link", true);
    dom::focus("new-link");
}

/// Reads the link (kept for a reload of this tab) and fills the form.
fn read_link() -> LinkParams {
    let params = address::take_link(Some(address::RESET_LINK));
    address::fill_form(&params);
    params
}

/// The username to send: the link's, else what the person typed.
fn username(page: &Page) -> Option<String> {
    page.link.username.clone().or_else(|| clean_username(&dom::value("username")))
}

/// Checks the form and hands it to the account module, which sends it and shows how it went.
async fn submit(page: Rc<Page>) {
    if page.busy.get() {
        return;
    }
    let Some((username, code, password)) = read_form(&page) else { return };
    page.busy.set(true);
    dom::enable("submit", false);
    dom::show("new-link", false);
    i18n::say_words("reset.working", false);
    let call = page.account.get::<AccountModule>().await.map(|account| {
        let shown = address::shown_account(&page.link);
        account.reset_password(&page.raw_config, &i18n::handover(), &username, &code, &password, shown, page.link.redirect.clone())
    });
    if awaited(call).await.is_err() {
        // The account module could not load: the person is offline.
        dom::enable("submit", true);
        i18n::problem(ResetAdvice::Offline.key(), "submit");
    }
    page.busy.set(false);
}

/// A call of the account module (which shows how it went), to wait for; a failed one when
/// the module could not load (`None`: the person is offline).
fn awaited(call: Option<Promise>) -> JsFuture {
    JsFuture::from(call.unwrap_or_else(|| Promise::reject(&JsValue::NULL)))
}

/// Reads username, code and password, or says what is missing and focuses it.
fn read_form(page: &Page) -> Option<(String, String, String)> {
    let problem = |text: &str, focus: &str| {
        i18n::problem(text, focus);
        None
    };
    let Some(username) = username(page) else {
        return problem("reset.need_username", "username");
    };
    let code = page.link.code.clone().or_else(|| clean_code(&dom::value("code")));
    let Some(code) = code else { return problem("reset.need_code", "code") };
    match update_checklist(&page.config.password_policy) {
        Some(Rule::Match) => problem("reset.mismatch", "confirm"),
        Some(_) => problem("reset.incomplete", "password"),
        None => Some((username, code, dom::value("password"))),
    }
}

/// Has the account module ask for a new link for the same username, which says how it went
/// and counts the cooldown down on the button.
async fn send_new_link(page: Rc<Page>) {
    let Some(username) = username(&page) else {
        return i18n::problem("reset.need_username", "username");
    };
    if page.busy.replace(true) {
        return;
    }
    dom::enable("new-link", false);
    let call = page.account.get::<AccountModule>().await.map(|account| account.send_reset_link(&page.raw_config, &i18n::handover(), &username));
    if awaited(call).await.is_err() {
        i18n::say_words(ForgotOutcome::Offline.key(), true);
        dom::enable("new-link", true);
    }
    page.busy.set(false);
}
