//! The verify page: a link from an address-change email confirms the new email address (or
//! phone number) with the session of the person who changed it, stored on this origin where
//! Amplify and amazon-cognito-identity-js keep it (renewed with its refresh token when the
//! access token has expired). The calls are `plumbing/attribute_calls.rs`, the npm API's too.
//! `VerifyUserAttribute` runs only on the person's press. Without
//! a session on this browser the page says so and shows the code to type in the app.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use reset_link_core::address_change::VerifyOutcome;
use reset_link_core::age::LinkKind;
use reset_link_core::config::Config;
use reset_link_core::error::{CallError, CognitoError};
use reset_link_core::link::LinkParams;
use reset_link_core::words::ForgotOutcome;

use crate::plumbing::attribute_calls::{self, AccountSession};
use crate::plumbing::{address, age, config, dom, i18n, timer};

/// What the page holds between events.
struct Page {
    config: Config,
    link: LinkParams,
    /// The session on this browser, when it is the link's account's.
    session: RefCell<Option<AccountSession>>,
    /// A request is running.
    busy: Cell<bool>,
}

/// Wires the page. Reading the stored session changes nothing; every call waits for a press.
pub async fn run(config: js_sys::Promise) {
    let link = address::take_link(None);
    let shows_email = link.attribute.as_deref() == Some("email") && link.email.is_some();
    if let Some(email) = link.email.as_deref().filter(|_| shows_email) {
        dom::set_value("address", email);
    }
    dom::show("address-field", shows_email);
    let config = match config::load(config).await {
        Ok(config) => config,
        Err(problem) => return dom::stop(problem.explanation()),
    };
    i18n::load(link.lang.as_deref(), &config).await;
    let link_age = age::show(&link, LinkKind::AddressChange).await;
    let session = attribute_calls::stored_session(&config.client_id, link.username.as_deref());
    let signed_in = session.is_some();
    let page = Rc::new(Page { config, link, session: RefCell::new(session), busy: Cell::new(false) });
    let (on_submit, on_new_code) = (page.clone(), page.clone());
    dom::on("form", "submit", move || wasm_bindgen_futures::spawn_local(confirm(on_submit.clone())));
    dom::on("new-link", "click", move || wasm_bindgen_futures::spawn_local(send_new_code(on_new_code.clone())));
    dom::mark_ready();
    if link_age == age::Age::Expired {
        dom::show("form", false);
        i18n::say_words(VerifyOutcome::ExpiredLink.key(), true);
        dom::show("new-link", signed_in);
    } else if !signed_in || page_code(&page).is_none() {
        show_code(&page);
    } else {
        // Only the device's clock says it may have expired: a new code beside the form.
        dom::show("new-link", link_age == age::Age::MayHaveExpired);
        dom::focus("submit");
    }
}

/// The code from the link.
fn page_code(page: &Page) -> Option<String> {
    page.link.code.clone()
}

/// No usable session: says so and shows the code to type in the app.
fn show_code(page: &Page) {
    dom::show("form", false);
    i18n::say_words(VerifyOutcome::NoSession.key(), false);
    if let Some(code) = page_code(page) {
        dom::set_text("code-shown", &code);
        dom::show("code-shown", true);
    }
}

/// Makes an address-change call with the page's session, keeping what it renewed; `None`
/// when there is no session.
async fn with_page_session<F>(page: &Page, call: F) -> Result<(), CallError>
where
    F: AsyncFnOnce(&mut AccountSession) -> Result<(), CallError>,
{
    let Some(mut session) = page.session.borrow().clone() else {
        return Err(CallError::Service(CognitoError::NotAuthorized));
    };
    let result = call(&mut session).await;
    *page.session.borrow_mut() = Some(session);
    result
}

/// The attribute the link confirms.
fn attribute(page: &Page) -> String {
    page.link.attribute.clone().unwrap_or_else(|| "email".into())
}

/// Sends `VerifyUserAttribute` (renewing the access token once if it has expired).
async fn confirm(page: Rc<Page>) {
    if page.busy.get() {
        return;
    }
    let Some(code) = page_code(&page) else { return show_code(&page) };
    page.busy.set(true);
    dom::enable("submit", false);
    dom::show("new-link", false);
    i18n::say_words("verify.working", false);
    let attribute = attribute(&page);
    let result = with_page_session(&page, async |session| attribute_calls::confirm(&page.config, session, &attribute, &code).await).await;
    page.busy.set(false);
    dom::enable("submit", true);
    let outcome = VerifyOutcome::for_result(&result);
    match outcome {
        VerifyOutcome::Done => i18n::show_done(outcome.key(), "done-text"),
        VerifyOutcome::NoSession => show_code(&page),
        _ => {
            i18n::say_words(outcome.key(), true);
            dom::show("new-link", outcome.offers_new_code());
            if outcome.offers_new_code() {
                dom::show("link-age", false);
                dom::focus("new-link");
            }
        }
    }
}

/// Asks for a new code (`GetUserAttributeVerificationCode`), then holds the button.
async fn send_new_code(page: Rc<Page>) {
    let attribute = attribute(&page);
    let language = i18n::language();
    let request = async {
        let result = with_page_session(&page, async |session| attribute_calls::ask_new_code(&page.config, session, &attribute, &language).await).await;
        ForgotOutcome::for_result(&result)
    };
    timer::send_new_link(&page.config, request, "verify.new_code_sent", &page.busy).await;
}
