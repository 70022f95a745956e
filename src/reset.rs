//! The reset page's form module: reads the link and scrubs it from the address bar, checks
//! the new password live against the pool's policy, and explains every outcome. The calls
//! (`ConfirmForgotPassword`, sign-in, a new link) are the account module's
//! (`src/account.rs`), which loads while the person types.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use reset_link_core::age::LinkKind;
use reset_link_core::config::Config;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::account_loader::AccountLoader;
use reset_link_core::link::{clean_code, clean_username, LinkParams};
use reset_link_core::policy::Rule;
use reset_link_core::words::{ChangedAccount, ForgotOutcome, ResetAdvice, ResetOutcome};

use crate::checklist::{update_checklist, wire};
use crate::{address, age, config, dom, i18n, timer};

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
    /// The account module (`src/account.rs`), once loaded.
    type AccountModule;
    /// Sets the new password, then signs in; resolves to a `ResetOutcome`.
    #[wasm_bindgen(method, js_name = confirmReset)]
    fn confirm_reset(this: &AccountModule, config: &JsValue, username: &str, code: &str, password: &str, shown: Option<String>, redirect: Option<String>, on_changed: &Function) -> Promise;
    /// Asks for a new link; resolves to a `ForgotOutcome`.
    #[wasm_bindgen(method, js_name = requestLink)]
    fn request_link(this: &AccountModule, config: &JsValue, username: &str, language: &str) -> Promise;
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
    let expired = age::show(&page.link, LinkKind::Reset);
    dom::on("new-link", "click", move || wasm_bindgen_futures::spawn_local(send_new_link(page.clone())));
    dom::mark_ready();
    if expired {
        offer_new_link_only();
    }
}

/// An expired link: says so and offers a new one before the person types anything.
fn offer_new_link_only() {
    dom::show("form", false);
    dom::say_words(ResetAdvice::ExpiredLink.key(), true);
    dom::show("new-link", true);
    dom::focus("new-link");
}

/// Key under which the link's parameters survive a reload of this tab (sessionStorage is
/// per tab, never sent anywhere, and cleared on success).
const SAVED_LINK: &str = "reset-link";

/// Reads the link (kept for a reload of this tab) and fills the form.
fn read_link() -> LinkParams {
    let params = address::take_link(Some(SAVED_LINK));
    address::fill_form(&params);
    params
}

/// The username to send: the link's, else what the person typed.
fn username(page: &Page) -> Option<String> {
    page.link.username.clone().or_else(|| clean_username(&dom::value("username")))
}

/// Forgets the saved link (after success, the code is spent).
fn forget_link() {
    address::forget(SAVED_LINK);
}

/// Checks the form and has the account module send `ConfirmForgotPassword` and sign in.
async fn submit(page: Rc<Page>) {
    if page.busy.get() {
        return;
    }
    let Some((username, code, password)) = read_form(&page) else { return };
    page.busy.set(true);
    dom::enable("submit", false);
    dom::show("new-link", false);
    dom::say_words("reset.working", false);
    let outcome = match page.account.get::<AccountModule>().await {
        Some(account) => {
            let on_changed = Closure::once_into_js(|| {
                forget_link();
                dom::say_words("reset.signing_in", false);
            });
            let redirect = page.link.redirect.clone();
            let answer = account.confirm_reset(&page.raw_config, &username, &code, &password, address::shown_account(&page.link), redirect, on_changed.unchecked_ref());
            JsFuture::from(answer).await.ok().and_then(|value| serde_wasm_bindgen::from_value(value).ok())
        }
        None => None,
    };
    match outcome.unwrap_or(ResetOutcome::Failed(ResetAdvice::Offline)) {
        ResetOutcome::Changed { next, account } => {
            finish(&page.config, next.as_deref(), account);
            if let Some(next) = next {
                go(&next);
            }
        }
        ResetOutcome::Failed(advice) => {
            page.busy.set(false);
            dom::enable("submit", true);
            dom::say_words(advice.key(), true);
            dom::show("new-link", advice.offers_new_link());
            if advice.offers_new_link() {
                // "Works until" no longer holds for a code Cognito refused.
                dom::show("link-age", false);
            }
            let focus = if advice == ResetAdvice::WeakPassword || advice == ResetAdvice::ReusedPassword { "password" } else { "submit" };
            dom::focus(focus);
        }
    }
}

/// Reads username, code and password, or says what is missing and focuses it.
fn read_form(page: &Page) -> Option<(String, String, String)> {
    let problem = |text: &str, focus: &str| {
        dom::problem(text, focus);
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

/// Shows success and the way on: the app when signed in (`next`), else the sign-in page;
/// the words claim whose password it was only when Cognito confirmed it (`account`).
fn finish(config: &Config, next: Option<&str>, account: ChangedAccount) {
    dom::show("form", false);
    dom::show("link-age", false);
    dom::say("", false);
    dom::set_words("done-text", account.key());
    dom::set_words("title", "reset.done_title");
    dom::set_attribute("sign-in", "href", Some(next.unwrap_or(&config.sign_in_url)));
    if next.is_some() {
        dom::set_words("sign-in", "reset.continue");
    }
    dom::show("done", true);
    dom::focus("sign-in");
}

/// Goes to `address`.
fn go(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(address);
    }
}

/// Asks for a new link for the same username, then counts down the cooldown on the button.
async fn send_new_link(page: Rc<Page>) {
    let Some(username) = username(&page) else {
        return dom::problem("reset.need_username", "username");
    };
    let request = async {
        let account = page.account.get::<AccountModule>().await?;
        let answer = account.request_link(&page.raw_config, &username, &i18n::language());
        serde_wasm_bindgen::from_value(JsFuture::from(answer).await.ok()?).ok()
    };
    let request = async { request.await.unwrap_or(ForgotOutcome::Offline) };
    timer::send_new_link(&page.config, request, "reset.new_link_sent", &page.busy).await;
}
