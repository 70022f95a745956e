//! The calls of an address change, shared by `verify.html` and the npm API: confirming a
//! changed email address or phone number with the emailed code (`VerifyUserAttribute`) and
//! asking for a new code (`GetUserAttributeVerificationCode`). Both need the session of the
//! person who changed it: the one stored on this origin where Amplify and
//! amazon-cognito-identity-js keep it, or (in the API) one the app passes. An access token
//! Cognito refuses is renewed once with the refresh token.

use reset_link_core::api::{initiate_refresh_auth, GetUserAttributeVerificationCode, Metadata, Tokens, VerifyUserAttribute};
use reset_link_core::config::Config;
use reset_link_core::error::{CallError, CognitoError};
use reset_link_core::session::{last_user_key, token_entries, token_key, token_payload};
use web_sys::Storage;

use crate::plumbing::http;

/// The session a call is made with.
#[derive(Debug, Clone)]
pub struct AccountSession {
    /// The pool username it belongs to (`cognito:username`, as the link names it).
    pub username: String,
    /// The access token the calls carry.
    pub access_token: String,
    /// Renews the access token when Cognito refuses it.
    pub refresh_token: Option<String>,
    /// Read from this origin's storage: renewed tokens are written back there.
    pub stored: bool,
    /// Tokens Cognito issued while renewing a session the app passed (never a stored one's:
    /// those are written back only while the app still has that account signed in).
    pub renewed: Option<Tokens>,
}

/// This origin's localStorage.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session stored for `client_id`, when it belongs to `username` (the link's account):
/// another person signed in on this browser cannot confirm this person's address, and a
/// link that names no account uses no session at all.
pub fn stored_session(client_id: &str, username: Option<&str>) -> Option<AccountSession> {
    let wanted = username?;
    let storage = storage()?;
    let user = storage.get_item(&last_user_key(client_id)).ok().flatten()?;
    if user != wanted {
        return None;
    }
    let read = |name: &str| storage.get_item(&token_key(client_id, &user, name)).ok().flatten();
    Some(AccountSession { access_token: read("accessToken")?, refresh_token: read("refreshToken"), username: user, stored: true, renewed: None })
}

/// The `username` claim of an access token (Cognito writes the pool username there), read
/// by the browser's JSON parser; `None` when the token is not one.
pub fn token_owner(access_token: &str) -> Option<String> {
    let payload = String::from_utf8(token_payload(access_token)?).ok()?;
    let claims = js_sys::JSON::parse(&payload).ok()?;
    js_sys::Reflect::get(&claims, &"username".into()).ok()?.as_string()
}

/// Renews the access token with the refresh token. The new tokens count only when Cognito
/// issued them to the session's own account: a refresh token is opaque, and one kept beside
/// another account's access token must not turn the call into that account's. A stored
/// session's new tokens are stored under that account's keys alone (`LastAuthUser` is the
/// app's to change, never ours), and only while the app still has that account signed in:
/// after a sign-out in another tab, a renewed refresh token must not come back into storage.
/// `false` when there is no refresh token, Cognito refuses it, or it is another account's.
async fn renew(config: &Config, session: &mut AccountSession) -> bool {
    let Some(refresh_token) = session.refresh_token.clone() else { return false };
    let Ok(reply) = http::send(config, &initiate_refresh_auth(&config.client_id, &refresh_token)).await else { return false };
    let Some(mut tokens) = reply.tokens else { return false };
    if token_owner(&tokens.access_token).as_deref() != Some(session.username.as_str()) {
        return false;
    }
    // Without rotation Cognito issues no new refresh token: the one used stays valid.
    tokens.refresh_token.get_or_insert(refresh_token);
    if session.stored && stored_session(&config.client_id, Some(&session.username)).is_some() {
        if let Some(storage) = storage() {
            token_entries(&config.client_id, &session.username, &tokens, |key, value| {
                let _ = storage.set_item(key, value);
            });
        }
    }
    session.access_token = tokens.access_token.clone();
    if !session.stored {
        session.renewed = Some(tokens);
    }
    true
}

/// Makes `call` with the session's access token; when Cognito refuses the token (expired or
/// revoked), renews it once and makes `call` again.
async fn with_session<F, Fut>(config: &Config, session: &mut AccountSession, call: F) -> Result<(), CallError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<(), CallError>>,
{
    let result = call(session.access_token.clone()).await;
    if matches!(result, Err(CallError::Service(CognitoError::NotAuthorized))) && renew(config, session).await {
        return call(session.access_token.clone()).await;
    }
    result
}

/// Confirms `attribute` (`email` or `phone_number`) with the emailed `code`
/// (`VerifyUserAttribute`); `VerifyOutcome` reads the result.
pub async fn confirm(config: &Config, session: &mut AccountSession, attribute: &str, code: &str) -> Result<(), CallError> {
    with_session(config, session, |access_token| async move {
        let call = VerifyUserAttribute { access_token: &access_token, attribute_name: attribute, code };
        http::send(config, &call).await.map(|_| ())
    })
    .await
}

/// Asks for a new code for `attribute` (`GetUserAttributeVerificationCode`, its message in
/// `language`); `ForgotOutcome` reads the result.
pub async fn ask_new_code(config: &Config, session: &mut AccountSession, attribute: &str, language: &str) -> Result<(), CallError> {
    with_session(config, session, |access_token| async move {
        let call = GetUserAttributeVerificationCode { access_token: &access_token, attribute_name: attribute, client_metadata: Some(Metadata { lang: language }) };
        http::send(config, &call).await.map(|_| ())
    })
    .await
}
