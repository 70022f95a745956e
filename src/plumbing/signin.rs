//! Signs the person in right after the reset (SRP, or USER_PASSWORD_AUTH when configured),
//! hands the session to the app in localStorage, and says where to go next. Any challenge or
//! failure returns `None`: the password is changed either way, so the page then simply
//! offers the sign-in page.
//!
//! On the reset page this runs in the account module (`src/pages/account.rs`), which the page
//! loads once its form works; the page's loader then has it make the SRP values that need no
//! password ([`prepare`]), so the press waits only for what needs the password.

use std::cell::RefCell;

use reset_link_core::api::{initiate_password_auth, initiate_srp_auth, respond_password_verifier, AuthReply, Tokens};
use reset_link_core::config::{Config, SignIn};
use reset_link_core::error::CallError;
use reset_link_core::session::{recognisable, redirect_target, storage_entries, token_payload, IdTokenClaims};
use reset_link_core::srp::ahead::{take_usable, Ahead, Moment};
use reset_link_core::srp::{self, Challenge, SrpStart};
use reset_link_core::words::ChangedAccount;

use crate::plumbing::http;

/// Signs in and stores the session; returns the address to go to (when signed in) and what
/// the page may say about whose password it changed. `shown` is the account the page showed
/// from the link (`None`: the person typed `username` themselves): a session is kept only
/// when Cognito's token names it by a verified fact, and none is attempted for an account
/// nobody can recognise.
pub async fn sign_in(config: &Config, username: &str, password: &str, shown: Option<&str>, requested: Option<&str>) -> (Option<String>, ChangedAccount) {
    if config.sign_in == SignIn::None {
        return (None, ChangedAccount::Unconfirmed);
    }
    match authenticate(config, username, password, shown.unwrap_or(username)).await {
        Ok(_) => (Some(next_address(config, requested)), ChangedAccount::Shown),
        Err(NoSession::OtherAccount) => (None, ChangedAccount::Other),
        Err(NoSession::Unrecognisable | NoSession::Unverified) => (None, ChangedAccount::Unnamed),
        Err(_) => (None, ChangedAccount::Unconfirmed),
    }
}

/// The origin of an absolute address by the browser's own URL parser.
fn origin_of(address: &str) -> Option<String> {
    web_sys::Url::new(address).ok().map(|url| url.origin())
}

/// Why a sign-in ended without tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoSession {
    /// A call failed.
    Failed(CallError),
    /// Cognito asks for more (MFA, a new password, ...): the challenge's name.
    Challenge(String),
    /// The tokens do not name the account the page showed by a fact Cognito has verified;
    /// they were dropped.
    OtherAccount,
    /// The token carries the account shown as an address Cognito has not verified; the
    /// tokens were dropped.
    Unverified,
    /// The account shown is nothing a person recognises (an opaque username in a pool that
    /// signs in by email): no sign-in was attempted.
    Unrecognisable,
}

/// Signs in as configured (SRP unless `signIn` says `password`) and, when `session` is
/// `amplify`, stores the tokens; returns them with the username they belong to. `shown` is
/// the account the person saw (the link's email, or what they typed): tokens whose claims do
/// not name it by a verified fact are dropped, never stored, because anything in a link is a
/// hint its holder may have edited.
pub async fn authenticate(config: &Config, username: &str, password: &str, shown: &str) -> Result<(Tokens, String), NoSession> {
    if !recognisable(shown, config.sign_in_with) {
        return Err(NoSession::Unrecognisable);
    }
    let reply = start(config, username, password).await?;
    let Some(tokens) = reply.tokens else {
        return Err(NoSession::Challenge(reply.challenge.unwrap_or_default()));
    };
    let owner = keep_session(config, &tokens, shown)?;
    Ok((tokens, owner))
}

/// The first step of a sign-in: `USER_PASSWORD_AUTH` when `signIn` says `password`, else SRP
/// (its `PASSWORD_VERIFIER` answered). The reply holds tokens or the next challenge.
pub async fn start(config: &Config, username: &str, password: &str) -> Result<AuthReply, NoSession> {
    match config.sign_in {
        SignIn::Password => {
            let call = initiate_password_auth(&config.client_id, username, password);
            http::send(config, &call).await.map_err(NoSession::Failed)
        }
        _ => srp_sign_in(config, username, password).await,
    }
}

/// Keeps the session of `tokens` (stored when `session` is `amplify`) once their claims
/// name `shown` by a verified fact ([`IdTokenClaims::names`]); returns the pool username
/// they belong to.
pub fn keep_session(config: &Config, tokens: &Tokens, shown: &str) -> Result<String, NoSession> {
    if !recognisable(shown, config.sign_in_with) {
        return Err(NoSession::Unrecognisable);
    }
    let claims = token_claims(&tokens.id_token).ok_or(NoSession::OtherAccount)?;
    if !claims.names(shown, config.sign_in_with) {
        return Err(if claims.names_unverified(shown) { NoSession::Unverified } else { NoSession::OtherAccount });
    }
    if config.store_session {
        if let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten()) {
            storage_entries(&config.client_id, &claims.username, tokens, |key, value| {
                let _ = storage.set_item(key, value);
            });
        }
    }
    Ok(claims.username)
}

/// Where to go once signed in: the link's `requested` address when allowed, else the
/// configured one.
pub fn next_address(config: &Config, requested: Option<&str>) -> String {
    redirect_target(requested, &config.redirect_allow_list, &config.after_sign_in_url, origin_of).to_string()
}

/// The claims of the ID token, read by the browser's JSON parser.
fn token_claims(id_token: &str) -> Option<IdTokenClaims> {
    let payload = String::from_utf8(token_payload(id_token)?).ok()?;
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(&payload).ok()?).ok()
}

thread_local! {
    /// The SRP values [`prepare`] made, in this module's memory only, until a sign-in takes
    /// them (or finds them too old: `reset_link_core::srp::ahead`).
    static AHEAD: RefCell<Option<Ahead>> = const { RefCell::new(None) };
}

/// Makes the next SRP sign-in's `a` and `A = g^a mod N` now, when the configuration signs
/// in with SRP: the one exponentiation that needs no password runs while the person types,
/// not after the press. Replaces values made before.
pub fn prepare(config: &Config) {
    if config.sign_in != SignIn::Srp {
        return;
    }
    if let Some(started) = new_start() {
        AHEAD.with(|slot| *slot.borrow_mut() = Some(Ahead::new(started, now())));
    }
}

/// Now by the browser's two clocks: the wall clock, and the steady one (0 where the page
/// has none, which leaves the wall clock to judge).
fn now() -> Moment {
    let steady = web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now());
    Moment { wall_ms: js_sys::Date::now() as u64, steady_ms: steady as u64 }
}

/// A sign-in's first SRP values from the browser's random source; `None` without one.
fn new_start() -> Option<SrpStart> {
    let mut random = [0u8; 128];
    let crypto = web_sys::window().and_then(|window| window.crypto().ok())?;
    crypto.get_random_values_with_u8_array(&mut random).ok()?;
    Some(srp::start(&random))
}

/// `USER_SRP_AUTH`, then the `PASSWORD_VERIFIER` answer; with the values [`prepare`] made
/// when still usable, else with new ones.
async fn srp_sign_in(config: &Config, username: &str, password: &str) -> Result<AuthReply, NoSession> {
    let unusable = || NoSession::Failed(CallError::Unreadable(200));
    let pool_name = config.user_pool_id.as_deref().and_then(|id| id.split_once('_')).ok_or_else(unusable)?.1;
    let ahead = AHEAD.with(|slot| take_usable(&mut slot.borrow_mut(), now()));
    let started = ahead.or_else(new_start).ok_or_else(unusable)?;
    let reply = http::send(config, &initiate_srp_auth(&config.client_id, username, &started.big_a_hex)).await.map_err(NoSession::Failed)?;
    if reply.challenge.as_deref() != Some("PASSWORD_VERIFIER") {
        return Ok(reply);
    }
    let parameter = |key| reply.parameter(key).ok_or_else(unusable);
    let (user_id, secret_block) = (parameter("USER_ID_FOR_SRP")?, parameter("SECRET_BLOCK")?);
    let challenge = Challenge { pool_name, user_id, big_b_hex: parameter("SRP_B")?, salt_hex: parameter("SALT")?, secret_block };
    let timestamp = srp::timestamp((js_sys::Date::now() / 1000.0) as u64);
    let claim = srp::claim(&started, &challenge, password, &timestamp).map_err(|_| unusable())?;
    let answer_as = reply.parameter("USERNAME").unwrap_or(user_id);
    let answer = respond_password_verifier(&config.client_id, reply.session.as_deref(), answer_as, secret_block, &timestamp, &claim);
    http::send(config, &answer).await.map_err(NoSession::Failed)
}
