//! The SRP module (`page-srp`): core's SRP math for the reset page's sign-in, built as a
//! module of its own so the form works before this code arrives (see `src/signin.rs`).

use reset_link_core::srp::{self, Challenge, SrpStart};
use wasm_bindgen::prelude::*;

/// One SRP sign-in: holds the secret `a` between `A` and the claim.
#[wasm_bindgen]
pub struct SrpSession(SrpStart);

/// Starts a sign-in from random bytes (`crypto.getRandomValues`).
#[wasm_bindgen(js_name = startSrp)]
pub fn start_srp(random: &[u8]) -> SrpSession {
    SrpSession(srp::start(random))
}

#[wasm_bindgen]
impl SrpSession {
    /// `SRP_A`, hex.
    #[wasm_bindgen(getter, js_name = bigA)]
    pub fn big_a(&self) -> String {
        self.0.big_a_hex.clone()
    }

    /// `PASSWORD_CLAIM_SIGNATURE` for the `PASSWORD_VERIFIER` challenge.
    ///
    /// # Errors
    /// A malformed challenge, or values that would make the exchange unsafe.
    #[allow(clippy::too_many_arguments)]
    pub fn claim(&self, pool_name: &str, user_id: &str, big_b_hex: &str, salt_hex: &str, secret_block: &str, password: &str, timestamp: &str) -> Result<String, JsError> {
        let challenge = Challenge { pool_name, user_id, big_b_hex, salt_hex, secret_block };
        srp::claim(&self.0, &challenge, password, timestamp).map_err(|error| JsError::new(&format!("{error:?}")))
    }
}
