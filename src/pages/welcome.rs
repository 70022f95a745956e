//! The welcome page's form module: an invitation link carries the username and the
//! temporary password; the page scrubs them from the address bar, asks for the new password
//! twice against the pool's policy (and for any details the pool requires), and on the
//! person's press has the account module (`src/pages/invitation.rs`) set it. Nothing is sent on
//! load: mail scanners open links and run their scripts.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use reset_link_core::age::LinkKind;
use reset_link_core::config::Config;
use reset_link_core::invitation::{attribute_label_key, WelcomeAdvice, WelcomeOutcome};
use reset_link_core::link::{clean_username, LinkParams};
use reset_link_core::policy::Rule;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::plumbing::account_loader::AccountLoader;
use crate::plumbing::age::Age;
use crate::plumbing::checklist::{update_checklist, wire};
use crate::plumbing::i18n::t;
use crate::plumbing::{address, age, config, dom, i18n};

#[wasm_bindgen]
extern "C" {
    /// The account module's invitation call (`src/pages/invitation.rs`).
    type InvitationCalls;
    /// Sets the password of an invited account; resolves to a `WelcomeOutcome`.
    #[wasm_bindgen(method, js_name = acceptInvitation)]
    fn accept_invitation(this: &InvitationCalls, config: &JsValue, username: &str, temporary: &str, password: &str, details: &JsValue, shown: Option<String>, redirect: Option<String>) -> Promise;
}

/// Key under which the link survives a reload of this tab (cleared once the password is set).
const SAVED_LINK: &str = "welcome-link";

/// What the page holds between events.
struct Page {
    config: Config,
    /// What the link carried; its temporary password is kept out of the DOM.
    link: LinkParams,
    /// The configuration as the browser parsed it, for the account module.
    raw_config: JsValue,
    /// The account module.
    account: AccountLoader,
    /// Details the pool asked for, by attribute name (their boxes are `detail-<name>`).
    details: std::cell::RefCell<Vec<String>>,
    /// A request is running: further presses are ignored.
    busy: Cell<bool>,
}

/// Wires the page.
pub async fn run(config: Promise, load_account: Function) {
    let link = address::take_link(Some(SAVED_LINK));
    if let Some(username) = &link.username {
        dom::set_value("username", link.email.as_ref().unwrap_or(username));
        dom::set_attribute("username", "readonly", Some(""));
    }
    dom::show("temporary-field", link.temporary_password.is_none());
    let (config, raw_config) = match config::load_raw(config).await {
        Ok(loaded) => loaded,
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(link.lang.as_deref(), &config).await;
    wire(&config);
    let age = age::show(&link, LinkKind::Invitation { days: u64::from(config.invitation_days) }).await;
    dom::set_attribute("help-sign-in", "href", Some(&config.sign_in_url));
    let account = AccountLoader::start(load_account);
    let page = Rc::new(Page { config, link, raw_config, account, details: Default::default(), busy: Cell::new(false) });
    dom::on("form", "submit", move || wasm_bindgen_futures::spawn_local(submit(page.clone())));
    dom::mark_ready();
    if age == Age::Expired {
        // Only an administrator can send a new invitation: say so before anything is typed.
        dom::show("form", false);
        i18n::say_words(WelcomeAdvice::Expired.key(), true);
    }
    // Expired, or maybe (only the device's clock says so, and the form stays): the way on.
    dom::show("help", age != Age::Fine);
}

/// What the form holds: username, temporary password, new password and details.
struct Filled {
    username: String,
    temporary: String,
    password: String,
    details: Vec<(String, String)>,
}

/// Reads the form, or says what is missing and focuses it.
fn read_form(page: &Page) -> Option<Filled> {
    let problem = |key: &str, focus: &str| {
        i18n::problem(key, focus);
        None
    };
    let Some(username) = page.link.username.clone().or_else(|| clean_username(&dom::value("username"))) else {
        return problem("reset.need_username", "username");
    };
    let typed = dom::value("temporary");
    let temporary = if typed.is_empty() { page.link.temporary_password.clone() } else { Some(typed) };
    let Some(temporary) = temporary else { return problem("welcome.need_temporary", "temporary") };
    match update_checklist(&page.config.password_policy) {
        Some(Rule::Match) => return problem("reset.mismatch", "confirm"),
        Some(_) => return problem("reset.incomplete", "password"),
        None => {}
    }
    let mut details = Vec::new();
    for name in page.details.borrow().iter() {
        let value = dom::value(&detail_id(name));
        if value.trim().is_empty() {
            return problem("welcome.need_detail", &detail_id(name));
        }
        details.push((name.clone(), value));
    }
    Some(Filled { username, temporary, password: dom::value("password"), details })
}

/// The id of the box for attribute `name`.
fn detail_id(name: &str) -> String {
    format!("detail-{}", name.replace(':', "-"))
}

/// Adds a labelled box for each detail the pool requires, and focuses the first.
fn ask_for_details(page: &Page, names: &[String]) {
    for name in names {
        let label = attribute_label_key(name).map_or_else(|| name.trim_start_matches("custom:").replace('_', " "), |key| t(&key));
        let (kind, autocomplete) = match name.as_str() {
            "phone_number" => ("tel", "tel"),
            "birthdate" => ("date", "bday"),
            "website" => ("url", "url"),
            "name" => ("text", "name"),
            "given_name" => ("text", "given-name"),
            "family_name" => ("text", "family-name"),
            "address" => ("text", "street-address"),
            _ => ("text", "on"),
        };
        if dom::add_field("details", &detail_id(name), &label, kind, autocomplete) {
            page.details.borrow_mut().push(name.clone());
        }
    }
    dom::show("details", true);
    i18n::say_words("welcome.details", false);
    if let Some(first) = names.first() {
        dom::focus(&detail_id(first));
    }
}

/// Has the account module set the password, and shows what happened.
async fn submit(page: Rc<Page>) {
    if page.busy.get() {
        return;
    }
    let Some(filled) = read_form(&page) else { return };
    page.busy.set(true);
    dom::enable("submit", false);
    dom::show("help", false);
    i18n::say_words("welcome.working", false);
    let outcome = match page.account.get::<InvitationCalls>().await {
        Some(calls) => {
            let details = serde_wasm_bindgen::to_value(&filled.details).unwrap_or(JsValue::NULL);
            let redirect = page.link.redirect.clone();
            let answer = calls.accept_invitation(&page.raw_config, &filled.username, &filled.temporary, &filled.password, &details, address::shown_account(&page.link), redirect);
            JsFuture::from(answer).await.ok().and_then(|value| serde_wasm_bindgen::from_value(value).ok())
        }
        None => None,
    };
    page.busy.set(false);
    dom::enable("submit", true);
    match outcome.unwrap_or(WelcomeOutcome::Failed(WelcomeAdvice::Offline)) {
        WelcomeOutcome::NeedDetails(names) => ask_for_details(&page, &names),
        WelcomeOutcome::Failed(advice) => {
            i18n::say_words(advice.key(), true);
            if matches!(advice, WelcomeAdvice::NotWorking | WelcomeAdvice::Expired) {
                dom::show("help", true);
            }
            let focus = match advice {
                WelcomeAdvice::NotWorking => {
                    // The link's temporary password did not work: the email also shows it.
                    dom::show("temporary-field", true);
                    "temporary".to_string()
                }
                WelcomeAdvice::WeakPassword => "password".to_string(),
                WelcomeAdvice::BadDetail => page.details.borrow().first().map_or("submit".to_string(), |name| detail_id(name)),
                _ => "submit".to_string(),
            };
            dom::focus(&focus);
        }
        done => finish(&page.config, &done),
    }
}

/// The password is set: says so and shows the way on (the app when signed in).
fn finish(config: &Config, outcome: &WelcomeOutcome) {
    address::forget(SAVED_LINK);
    let next = match outcome {
        WelcomeOutcome::Done { next, .. } => next.clone(),
        _ => None,
    };
    i18n::set_words("title", "welcome.done_title");
    i18n::set_way_on(next.as_deref(), &config.sign_in_url);
    i18n::show_done(outcome.done_key(), "sign-in");
    if let (Some(next), Some(window)) = (next, web_sys::window()) {
        let _ = window.location().assign(&next);
    }
}
