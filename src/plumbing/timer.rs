//! Waiting in the browser: a button that counts down before it can be used again,
//! and the "send me a new link" button built on it.

use std::cell::Cell;
use std::future::Future;

use reset_link_core::config::Config;
use reset_link_core::words::ForgotOutcome;

use crate::plumbing::i18n::{self, fill};
use crate::plumbing::{dom, http};

/// Disables button `id` for `seconds`, showing the text of key `waiting` (with `{s}` for the
/// seconds left), then restores the text of key `ready` and enables it.
pub async fn count_down(id: &str, seconds: u32, waiting: &str, ready: &str) {
    dom::enable(id, false);
    for left in (1..=seconds).rev() {
        dom::set_text(id, &fill(waiting, &[("s", &left.to_string())]));
        http::sleep(1000).await;
    }
    i18n::set_words(id, ready);
    dom::enable(id, true);
}

/// Runs `request` (a new link: ForgotPassword or ResendConfirmationCode) for the `#new-link`
/// button, says how it went (`sent` is the catalogue key for success), then counts the
/// cooldown down. Does nothing while the page is `busy` with another request, and keeps it
/// busy until this one is over.
pub async fn send_new_link(config: &Config, request: impl Future<Output = ForgotOutcome>, sent: &str, busy: &Cell<bool>) {
    if busy.replace(true) {
        return;
    }
    dom::enable("new-link", false);
    let outcome = request.await;
    busy.set(false);
    new_link_answered(config, outcome, sent).await;
}

/// Says how a request for a new link went (`sent` is the catalogue key for success), then
/// counts the cooldown down on the `#new-link` button.
pub async fn new_link_answered(config: &Config, outcome: ForgotOutcome, sent: &str) {
    match outcome {
        ForgotOutcome::Sent => i18n::say_words(sent, false),
        other => i18n::say_words(other.key(), true),
    }
    count_down("new-link", config.resend_cooldown_seconds, "reset.new_link_wait", "reset.new_link").await;
}
