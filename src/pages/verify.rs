//! The verify page: a link from an address-change email confirms the new email address (or
//! phone number) with the session of the person who changed it, stored on this origin where
//! Amplify and amazon-cognito-identity-js keep it (renewed with its refresh token when the
//! access token has expired). `VerifyUserAttribute` runs only on the person's press. Without
//! a session on this browser the page says so and shows the code to type in the app.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use reset_link_core::address_change::VerifyOutcome;
use reset_link_core::age::LinkKind;
use reset_link_core::api::{initiate_refresh_auth, GetUserAttributeVerificationCode, Metadata, VerifyUserAttribute};
use reset_link_core::config::Config;
use reset_link_core::error::{CallError, CognitoError};
use reset_link_core::link::LinkParams;
use reset_link_core::session::{last_user_key, token_entries, token_key};
use reset_link_core::words::ForgotOutcome;
use web_sys::Storage;

use crate::plumbing::{address, age, config, dom, http, i18n, timer};

/// The stored session of the person the link is for.
struct Session {
    username: String,
    access_token: String,
    refresh_token: Option<String>,
}

/// What the page holds between events.
struct Page {
    config: Config,
    link: LinkParams,
    /// The session on this browser, when it is the link's account's.
    session: RefCell<Option<Session>>,
    /// A request is running.
    busy: Cell<bool>,
}

/// This origin's localStorage.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session stored for `client_id`, when it belongs to `username` (the link's account):
/// another person signed in on this browser cannot confirm this person's address, and a
/// link that names no account uses no session at all.
fn stored_session(client_id: &str, username: Option<&str>) -> Option<Session> {
    let wanted = username?;
    let storage = storage()?;
    let user = storage.get_item(&last_user_key(client_id)).ok().flatten()?;
    if user != wanted {
        return None;
    }
    let read = |name: &str| storage.get_item(&token_key(client_id, &user, name)).ok().flatten();
    Some(Session { access_token: read("accessToken")?, refresh_token: read("refreshToken"), username: user })
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
    let session = stored_session(&config.client_id, link.username.as_deref());
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

/// Renews the stored session's access token with its refresh token; the new tokens are
/// stored under that account's keys alone (`LastAuthUser` is the app's to change, never this
/// page's), and only while the app still has that account signed in: after a sign-out in
/// another tab, a renewed refresh token must not come back into storage. `false` when there
/// is none or Cognito refuses it.
async fn refresh(page: &Page) -> bool {
    let refresh_token = page.session.borrow().as_ref().and_then(|s| s.refresh_token.clone());
    let Some(refresh_token) = refresh_token else { return false };
    let config = &page.config;
    let Ok(reply) = http::send(config, &initiate_refresh_auth(&config.client_id, &refresh_token)).await else { return false };
    let Some(tokens) = reply.tokens else { return false };
    if let Some(session) = page.session.borrow_mut().as_mut() {
        if stored_session(&config.client_id, Some(&session.username)).is_some() {
            if let Some(storage) = storage() {
                token_entries(&config.client_id, &session.username, &tokens, |key, value| {
                    let _ = storage.set_item(key, value);
                });
            }
        }
        session.access_token = tokens.access_token.clone();
    }
    true
}

/// Makes `call` with the session's access token; when Cognito refuses the token (expired or
/// revoked), renews it once with the refresh token and makes `call` again.
async fn with_session<F, Fut>(page: &Page, call: F) -> Result<(), CallError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<(), CallError>>,
{
    let token = || page.session.borrow().as_ref().map(|s| s.access_token.clone()).unwrap_or_default();
    let result = call(token()).await;
    if matches!(result, Err(CallError::Service(CognitoError::NotAuthorized))) && refresh(page).await {
        return call(token()).await;
    }
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
    let (attribute, code, config) = (&attribute(&page), &code, &page.config);
    let result = with_session(&page, |access_token| async move {
        let call = VerifyUserAttribute { access_token: &access_token, attribute_name: attribute, code };
        http::send(config, &call).await.map(|_| ())
    })
    .await;
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
        let (attribute, language, config) = (&attribute, &language, &page.config);
        let result = with_session(&page, |access_token| async move {
            let call = GetUserAttributeVerificationCode { access_token: &access_token, attribute_name: attribute, client_metadata: Some(Metadata { lang: language }) };
            http::send(config, &call).await.map(|_| ())
        })
        .await;
        ForgotOutcome::for_result(&result)
    };
    timer::send_new_link(&page.config, request, "verify.new_code_sent", &page.busy).await;
}
