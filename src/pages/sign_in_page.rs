//! The sign-in page (`sign-in.html`): sign-in by emailed link. The person types their email
//! (or username); `InitiateAuth` (`USER_AUTH`, `EMAIL_OTP`) emails a code, as a link through
//! the trigger, and the page keeps the pending sign-in in localStorage. The link opens this
//! page, which does nothing on load (mail scanners open links): in the browser that asked,
//! one press of "Sign me in" answers the challenge; anywhere else the page shows the code to
//! type where the person asked. The code typed by hand in the asking tab works the same.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use reset_link_core::age::LinkKind;
use reset_link_core::config::{Config, SignInWith};
use reset_link_core::link::LinkParams;
use reset_link_core::sign_in_link::{sign_in_code, AnswerOutcome, AskOutcome};
use reset_link_core::words::forgot_page;

use crate::plumbing::i18n::fill;
use crate::plumbing::signin::next_address;
use crate::plumbing::{address, age, config, dom, i18n, pending, sign_in_calls, timer};

/// What the page holds between events.
struct Page {
    config: Config,
    link: LinkParams,
    /// A request is running: further presses are ignored.
    busy: Cell<bool>,
    /// The account the last request was for (as typed), for "send me a new link".
    asked_for: RefCell<Option<String>>,
}

/// Wires the page. Nothing is sent on load: only a press asks for a link or answers one.
pub async fn run(config: js_sys::Promise) {
    let link = address::take_link(None);
    let config = match config::load(config).await {
        Ok(config) => config,
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(link.lang.as_deref(), &config).await;
    follow_pool(config.sign_in_with);
    dom::set_attribute("password-link", "href", Some(&config.sign_in_url));
    let page = Rc::new(Page { config, link, busy: Cell::new(false), asked_for: RefCell::new(None) });
    let on = |id: &str, event: &str, action: fn(Rc<Page>)| {
        let page = page.clone();
        dom::on(id, event, move || action(page.clone()));
    };
    on("form", "submit", |page| wasm_bindgen_futures::spawn_local(ask(page)));
    on("code-form", "submit", |page| wasm_bindgen_futures::spawn_local(answer_typed(page)));
    on("link-form", "submit", |page| wasm_bindgen_futures::spawn_local(answer_link(page)));
    on("new-link", "click", |page| wasm_bindgen_futures::spawn_local(new_link(page)));
    let elsewhere = page.clone();
    pending::on_finished_elsewhere(&page.config.client_id, move || go_on(&elsewhere.config, None));
    if page.link.sign_in_code.is_some() {
        open_link(&page).await;
    }
    dom::mark_ready();
}

/// Labels the box for what the pool signs in with; `type="email"` only for emails.
fn follow_pool(with: SignInWith) {
    i18n::set_words("username-label", forgot_page::label(with));
    if with != SignInWith::Email {
        dom::set_attribute("username", "type", Some("text"));
        dom::set_attribute("username", "inputmode", None);
    }
}

/// The link's code and the pending sign-in it may finish: one button when this browser asked
/// for it and it is still valid, else the code to type where the person asked.
async fn open_link(page: &Page) {
    dom::show("form", false);
    let minutes = page.config.sign_in_session_minutes;
    let link_age = age::show(&page.link, LinkKind::SignIn { minutes: u64::from(minutes) }).await;
    let (username, email) = (page.link.username.as_deref(), page.link.email.as_deref());
    forget_expired(&page.config);
    let pending = pending::read(&page.config.client_id).filter(|p| p.is_for(username, email, pending::now(), minutes));
    match pending {
        Some(pending) if link_age != age::Age::Expired && link_code(page).is_some() => {
            *page.asked_for.borrow_mut() = Some(pending.username);
            dom::show("link-form", true);
            dom::enable("sign-in-now", true);
            i18n::say_words("signin.link_ready", false);
            dom::focus("sign-in-now");
        }
        _ => show_code(page),
    }
}

/// No pending sign-in here for this link: the code in large type, to type where the person
/// asked, and a way to start again. Never an error.
fn show_code(page: &Page) {
    dom::show("link-form", false);
    i18n::say_words("signin.elsewhere", false);
    if let Some(code) = link_code(page) {
        dom::set_text("code-shown", &code);
        dom::show("code-shown", true);
    }
    dom::show("again", true);
}

/// Asks for a link for the account typed.
async fn ask(page: Rc<Page>) {
    let who = dom::value("username").trim().to_string();
    if who.is_empty() {
        return i18n::problem(forgot_page::need(page.config.sign_in_with), "username");
    }
    if page.busy.replace(true) {
        return;
    }
    dom::enable("submit", false);
    i18n::set_words("submit", "signin.sending");
    let outcome = request(&page, &who).await;
    page.busy.set(false);
    i18n::set_words("submit", "signin.send");
    dom::enable("submit", true);
    match outcome {
        Ok(destination) => {
            let mut text = fill("signin.sent", &[("who", &who)]);
            // Only where an unknown account gets the same answer (PreventUserExistenceErrors,
            // which `showDestination` vouches for): else the address would tell it exists.
            if let Some(destination) = destination.filter(|_| page.config.show_destination) {
                text.push_str(&fill("signin.destination", &[("destination", &destination)]));
            }
            dom::show("form", false);
            dom::show("check", true);
            dom::show("no-email", true);
            dom::show("password-way", true);
            dom::enable("code-submit", true);
            dom::say(&text, false);
            dom::focus("code");
            cool_down(&page).await;
        }
        Err(AskOutcome::OtherWay) => other_way(),
        Err(outcome) => i18n::say_words(outcome.key(), true),
    }
}

/// Asks for a code for `who` (`sign_in_calls::ask`) and keeps the pending sign-in. `Ok`
/// with the masked destination when the person should check their email, which is also the
/// answer for an account that does not exist.
async fn request(page: &Page, who: &str) -> Result<Option<String>, AskOutcome> {
    *page.asked_for.borrow_mut() = Some(who.to_string());
    let config = &page.config;
    let sent = sign_in_calls::ask(config, who, &i18n::language()).await.map_err(|stopped| stopped.outcome)?;
    if let Some(pending) = &sent.pending {
        pending::save(&config.client_id, pending);
    }
    Ok(sent.destination)
}

/// This account cannot sign in by emailed code: plain words and the password sign-in.
fn other_way() {
    i18n::say_words(AskOutcome::OtherWay.key(), true);
    dom::show("password-way", true);
}

/// The code typed in the tab that asked.
async fn answer_typed(page: Rc<Page>) {
    match sign_in_code(&dom::value("code")) {
        Some(code) => answer(&page, &code, None).await,
        None => i18n::problem("signin.need_code", "code"),
    }
}

/// "Sign me in", pressed on the link.
async fn answer_link(page: Rc<Page>) {
    if let Some(code) = link_code(&page) {
        let account = (page.link.username.clone(), page.link.email.clone());
        answer(&page, &code, Some(account)).await;
    }
}

/// The link's code, when it reads as one (6 to 8 digits).
fn link_code(page: &Page) -> Option<String> {
    page.link.sign_in_code.as_deref().and_then(sign_in_code)
}

/// Removes a pending sign-in Cognito no longer honours, so its Session does not stay on disk.
fn forget_expired(config: &Config) {
    let minutes = config.sign_in_session_minutes;
    if pending::read(&config.client_id).is_some_and(|p| !p.is_valid(pending::now(), minutes)) {
        pending::forget(&config.client_id);
    }
}

/// Answers the challenge with `code` and the pending sign-in; once Cognito's tokens name the
/// account typed, keeps the session and moves on. What was typed stays on every failure.
/// `link_account`: the link's username and email, which must still be the pending sign-in's
/// (another tab may have asked for another account since the page opened).
async fn answer(page: &Page, code: &str, link_account: Option<(Option<String>, Option<String>)>) {
    let config = &page.config;
    forget_expired(config);
    let stored = pending::read(&config.client_id);
    let pending = match &link_account {
        Some((username, email)) => sign_in_calls::usable_for_link(config, stored, username.as_deref(), email.as_deref()),
        None => sign_in_calls::usable(config, stored),
    };
    let Some(pending) = pending else {
        return answered(page, AnswerOutcome::Expired);
    };
    if page.busy.replace(true) {
        return;
    }
    let buttons = ["code-submit", "sign-in-now"];
    buttons.iter().for_each(|id| dom::enable(id, false));
    i18n::say_words("signin.working", false);
    let outcome = sign_in_calls::answer(config, &pending, code, true).await.map_or_else(|stopped| stopped.outcome, |_| AnswerOutcome::SignedIn);
    page.busy.set(false);
    buttons.iter().for_each(|id| dom::enable(id, true));
    answered(page, outcome);
}

/// Says how the answer went and offers what helps.
fn answered(page: &Page, outcome: AnswerOutcome) {
    match outcome {
        AnswerOutcome::SignedIn => {
            i18n::say_words(outcome.key(), false);
            go_on(&page.config, page.link.redirect.as_deref());
        }
        AnswerOutcome::WrongCode => i18n::problem(outcome.key(), if page.link.sign_in_code.is_some() { "sign-in-now" } else { "code" }),
        AnswerOutcome::OtherWay => other_way(),
        _ => {
            i18n::say_words(outcome.key(), true);
            let can_resend = outcome.offers_new_link() && page.asked_for.borrow().is_some();
            dom::show("new-link", can_resend);
            dom::show("again", !can_resend);
            dom::show("link-age", false);
        }
    }
}

/// Goes to `afterSignInUrl`, or the link's `redirect` when the allow-list permits it.
fn go_on(config: &Config, requested: Option<&str>) {
    let next = next_address(config, requested);
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(&next);
    }
}

/// "Send me a new link": asks again for the same account, then holds the button.
async fn new_link(page: Rc<Page>) {
    let Some(who) = page.asked_for.borrow().clone() else { return };
    if page.busy.replace(true) {
        return;
    }
    dom::enable("new-link", false);
    let outcome = request(&page, &who).await;
    page.busy.set(false);
    match outcome {
        Ok(_) => i18n::say_words("signin.new_link_sent", false),
        Err(AskOutcome::OtherWay) => return other_way(),
        Err(outcome) => i18n::say_words(outcome.key(), true),
    }
    if page.link.sign_in_code.is_some() {
        // The link's code is replaced by the new email's: the person types or opens that.
        dom::show("link-form", false);
        dom::show("check", true);
        dom::enable("code-submit", true);
    }
    cool_down(&page).await;
}

/// Shows "Send me a new link" and holds it for the configured cooldown.
async fn cool_down(page: &Page) {
    dom::show("new-link", true);
    timer::count_down("new-link", page.config.resend_cooldown_seconds, "reset.new_link_wait", "reset.new_link").await;
}
