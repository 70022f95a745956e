//! The confirm page: a sign-up confirmation link shows the account and one button; the
//! person's click confirms it (`ConfirmSignUp`), and the page says plainly that the account
//! is ready and offers sign-in. Without a code in the link the person types it; a wrong or
//! expired code offers a new link.

use std::rc::Rc;
use std::cell::Cell;

use reset_link_core::age::LinkKind;
use reset_link_core::config::Config;
use reset_link_core::link::{clean_code, clean_username, LinkParams};
use reset_link_core::words::ConfirmOutcome;

use crate::plumbing::age::Age;
use crate::plumbing::{address, age, code_calls, config, dom, i18n, timer};

/// What the page holds between events.
struct Page {
    config: Config,
    link: LinkParams,
    /// The link's code failed: the person types the one from a new email.
    code_spent: Cell<bool>,
    /// A request is running: further clicks are ignored.
    busy: Cell<bool>,
}

/// Wires the page. Nothing is confirmed on load: mail scanners open links and run their
/// scripts, so `ConfirmSignUp` runs only on a person's click (or Enter). With a complete link
/// the button has the focus, so one press does it.
pub async fn run(config: js_sys::Promise) {
    let link = address::take_link(None);
    address::fill_form(&link);
    let config = match config::load(config).await {
        Ok(config) => config,
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(link.lang.as_deref(), &config).await;
    let complete = link.username.is_some() && link.code.is_some();
    let age = age::show(&link, LinkKind::SignUp).await;
    let page = Rc::new(Page { config, link, code_spent: Cell::new(false), busy: Cell::new(false) });
    let on_submit = page.clone();
    dom::on("form", "submit", move || wasm_bindgen_futures::spawn_local(confirm(on_submit.clone())));
    dom::on("new-link", "click", move || wasm_bindgen_futures::spawn_local(send_new_link(page.clone())));
    dom::mark_ready();
    if age == Age::Expired {
        // Say so before the person presses anything, and offer the way on.
        dom::show("form", false);
        i18n::say_words(ConfirmOutcome::ExpiredLink.key(), true);
        dom::show("new-link", true);
        dom::focus("new-link");
        return;
    }
    // Only the device's clock says so: a new link beside the button, which still works.
    dom::show("new-link", age == Age::MayHaveExpired);
    if complete {
        dom::focus("submit");
    }
}

/// The username to send: the link's, else what the person typed.
fn username(page: &Page) -> Option<String> {
    page.link.username.clone().or_else(|| clean_username(&dom::value("username")))
}

/// Sends `ConfirmSignUp` and shows the outcome.
async fn confirm(page: Rc<Page>) {
    if page.busy.get() {
        return;
    }
    let Some(username) = username(&page) else {
        return i18n::problem("reset.need_username", "username");
    };
    let code = page.link.code.clone().filter(|_| !page.code_spent.get()).or_else(|| clean_code(&dom::value("code")));
    let Some(code) = code else {
        return i18n::problem("reset.need_code", "code");
    };
    page.busy.set(true);
    dom::enable("submit", false);
    dom::show("new-link", false);
    i18n::say_words("confirm.working", false);
    let config = &page.config;
    let result = code_calls::confirm_sign_up_code(config, &username, &code).await;
    page.busy.set(false);
    dom::enable("submit", true);
    let outcome = ConfirmOutcome::for_result(&result);
    dom::show("link-age", false);
    if outcome.is_ready() {
        dom::set_attribute("sign-in", "href", Some(&config.sign_in_url));
        i18n::show_done(outcome.key(), "sign-in");
        return;
    }
    i18n::say_words(outcome.key(), true);
    // A code that failed is not worth typing again: show the box for the one in a new email.
    if outcome.offers_new_link() {
        page.code_spent.set(true);
        dom::show("code-field", true);
    }
    dom::show("new-link", outcome.offers_new_link());
}

/// Asks for a new confirmation link (`ResendConfirmationCode`), then holds the button.
async fn send_new_link(page: Rc<Page>) {
    let Some(username) = username(&page) else {
        i18n::say_words("reset.need_username", true);
        return;
    };
    let language = i18n::language();
    let request = async { code_calls::ask_sign_up_code(&page.config, &username, &language).await.outcome };
    timer::send_new_link(&page.config, request, "confirm.new_link_sent", &page.busy).await;
}
