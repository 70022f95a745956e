//! The forgot-password page: one box, one `ForgotPassword` call, and the same words whether
//! or not the account exists.

use std::{cell::Cell, rc::Rc};

use reset_link_core::api::{forgot_password, ForgotPasswordReply};
use reset_link_core::config::Config;
use reset_link_core::words::ForgotOutcome;

use crate::{config, dom, http};

/// Shown when the box is empty.
const NEED_ADDRESS: &str = "Please enter the email address you use to sign in.";

/// Wires the page.
pub async fn run() {
    let config = match config::load().await {
        Ok(config) => Rc::new(config),
        Err(problem) => return dom::stop(problem.explanation()),
    };
    let busy = Rc::new(Cell::new(false));
    dom::on("form", "submit", move |event| {
        event.prevent_default();
        if busy.get() {
            return;
        }
        let who = dom::input("username").value().trim().to_string();
        if who.is_empty() {
            dom::say(NEED_ADDRESS, true);
            let _ = dom::input("username").focus();
            return;
        }
        busy.set(true);
        wasm_bindgen_futures::spawn_local(request_link(config.clone(), who, busy.clone()));
    });
}

/// Sends `ForgotPassword` and shows the outcome.
async fn request_link(config: Rc<Config>, who: String, busy: Rc<Cell<bool>>) {
    dom::enable("submit", false);
    dom::set_text("submit", "Sending…");
    let language = web_sys::window().and_then(|w| w.navigator().language());
    let call = forgot_password(&config.client_id, &who, language.as_deref());
    let result = http::send::<_, ForgotPasswordReply>(&config, &call).await.map(|_| ());
    let outcome = ForgotOutcome::for_result(&result);
    dom::say(&outcome.text().replace("{who}", &who), outcome != ForgotOutcome::Sent);
    dom::set_text("submit", if outcome == ForgotOutcome::Sent { "Send again" } else { "Send reset link" });
    dom::enable("submit", true);
    busy.set(false);
}
