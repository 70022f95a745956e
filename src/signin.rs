//! Signs the person in right after the reset (SRP, or USER_PASSWORD_AUTH when configured),
//! hands the session to the app in localStorage, and says where to go next. Any challenge or
//! failure returns `None`: the password is changed either way, so the page then simply
//! offers the sign-in page.

use reset_link_core::api::{initiate_password_auth, initiate_srp_auth, respond_password_verifier, AuthReply, Tokens};
use reset_link_core::config::{Config, SignIn};
use reset_link_core::session::{redirect_target, storage_entries, token_username};
use reset_link_core::srp::{self, Challenge};

use crate::http;

/// Signs in and stores the session; returns the address to go to.
pub async fn sign_in(config: &Config, username: &str, password: &str, requested: Option<&str>) -> Option<String> {
    let tokens = match config.sign_in {
        SignIn::Srp => srp_sign_in(config, username, password).await?,
        SignIn::Password => {
            let call = initiate_password_auth(&config.client_id, username, password);
            http::send::<AuthReply>(config, &call).await.ok()?.tokens?
        }
        SignIn::None => return None,
    };
    if config.store_session {
        let storage = web_sys::window()?.local_storage().ok()??;
        let owner = token_username(&tokens.id_token).unwrap_or_else(|| username.to_string());
        for (key, value) in storage_entries(&config.client_id, &owner, &tokens) {
            storage.set_item(&key, &value).ok()?;
        }
    }
    Some(redirect_target(requested, &config.redirect_allow_list, &config.after_sign_in_url).to_string())
}

/// `USER_SRP_AUTH`, then the `PASSWORD_VERIFIER` answer.
async fn srp_sign_in(config: &Config, username: &str, password: &str) -> Option<Tokens> {
    let pool_name = config.user_pool_id.as_deref()?.split_once('_')?.1;
    let mut random = [0u8; 128];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut random).ok()?;
    let started = srp::start(&random);
    let call = initiate_srp_auth(&config.client_id, username, &started.big_a_hex);
    let reply = http::send::<AuthReply>(config, &call).await.ok()?;
    if reply.challenge.as_deref() != Some("PASSWORD_VERIFIER") {
        return None;
    }
    let user_id = reply.parameter("USER_ID_FOR_SRP")?;
    let secret_block = reply.parameter("SECRET_BLOCK")?;
    let challenge = Challenge {
        pool_name,
        user_id,
        big_b_hex: reply.parameter("SRP_B")?,
        salt_hex: reply.parameter("SALT")?,
        secret_block,
    };
    let timestamp = srp::timestamp((js_sys::Date::now() / 1000.0) as u64);
    let claim = srp::claim(&started, &challenge, password, &timestamp).ok()?;
    let answer_as = reply.parameter("USERNAME").unwrap_or(user_id);
    let answer = respond_password_verifier(
        &config.client_id,
        reply.session.as_deref(),
        answer_as,
        secret_block,
        &timestamp,
        &claim.signature,
    );
    http::send::<AuthReply>(config, &answer).await.ok()?.tokens
}
