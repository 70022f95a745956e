//! The forgot-password page: one box, one `ForgotPassword` call, and the same words whether
//! or not the account exists.

use std::rc::Rc;
use std::cell::Cell;

use reset_link_core::config::{Config, SignInWith};
use reset_link_core::words::{forgot_page, ForgotOutcome};

use crate::plumbing::i18n::fill;

use crate::plumbing::{address, code_calls, config, dom, i18n, timer};

/// Wires the page.
pub async fn run(config: js_sys::Promise) {
    let (prefill, language) = take_prefill();
    let config = match config::load(config).await {
        Ok(config) => Rc::new(config),
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(language.as_deref(), &config).await;
    follow_pool(config.sign_in_with);
    if let Some(value) = prefill {
        dom::set_value("username", &value);
    }
    let busy = Rc::new(Cell::new(false));
    dom::on("form", "submit", move || {
        if busy.get() {
            return;
        }
        let who = dom::value("username").trim().to_string();
        if who.is_empty() {
            return i18n::problem(forgot_page::need(config.sign_in_with), "username");
        }
        busy.set(true);
        wasm_bindgen_futures::spawn_local(request_link(config.clone(), who, busy.clone()));
    });
    dom::mark_ready();
}

/// Reads `email=` (or `username=`) and `lang=` that a sign-in page passed in the query or
/// fragment, and removes them from the address bar.
fn take_prefill() -> (Option<String>, Option<String>) {
    let params = address::take_link(None);
    (params.email.or(params.username), params.lang)
}

/// Labels the box for what the pool signs in with; `type="email"` only for emails.
fn follow_pool(with: SignInWith) {
    i18n::set_words("username-label", forgot_page::label(with));
    if with != SignInWith::Email {
        dom::set_attribute("username", "type", Some("text"));
        dom::set_attribute("username", "inputmode", None);
    }
}

/// Sends `ForgotPassword`, shows the outcome, then holds "Send again" for the cooldown.
async fn request_link(config: Rc<Config>, who: String, busy: Rc<Cell<bool>>) {
    dom::enable("submit", false);
    i18n::set_words("submit", "forgot.sending");
    let asked = code_calls::ask_reset_link(&config, &who, &i18n::language()).await;
    let outcome = asked.outcome;
    let mut text = fill(outcome.key(), &[("who", &who)]);
    if let (ForgotOutcome::Sent, Some(destination)) = (outcome, asked.destination) {
        text.push_str(&fill("forgot.destination", &[("destination", &destination)]));
    }
    dom::say(&i18n::with_support(outcome.key(), text), outcome != ForgotOutcome::Sent);
    if outcome == ForgotOutcome::Sent {
        let seconds = config.resend_cooldown_seconds;
        timer::count_down("submit", seconds, "forgot.send_again_wait", "forgot.send_again").await;
    } else {
        i18n::set_words("submit", "forgot.send");
        dom::enable("submit", true);
    }
    busy.set(false);
}
