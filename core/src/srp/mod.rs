//! Cognito's SRP sign-in (`USER_SRP_AUTH` then `PASSWORD_VERIFIER`), as pure math: the random
//! value and the time are passed in. Follows the client of amazon-cognito-identity-js
//! (`AuthenticationHelper`) and pycognito (`aws_srp.py`); the tests hold vectors computed with
//! pycognito.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use crypto_bigint::modular::{FixedMontyForm, FixedMontyParams};
use crypto_bigint::{Odd, U3072};
use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

pub mod ahead;

/// The 3072-bit group of RFC 5054 that Cognito uses (generator 2).
const N_HEX: &str = concat!(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD",
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"
);
/// The info string of Cognito's key derivation.
const HKDF_INFO: &[u8] = b"Caldera Derived Key";

/// Why a sign-in cannot go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SrpError {
    /// The server's `SRP_B`, `SALT` or `SECRET_BLOCK` is malformed.
    BadChallenge,
    /// `B mod N` or `u` is zero: the exchange would be unsafe.
    UnsafeValues,
}

/// Bytes of a number of the group.
const BYTES: usize = U3072::BYTES;

/// The group: Montgomery parameters for `N`, and `g` and the multiplier `k = H(N || g)` in
/// Montgomery form.
struct Group {
    params: FixedMontyParams<{ U3072::LIMBS }>,
    g: FixedMontyForm<{ U3072::LIMBS }>,
    k: FixedMontyForm<{ U3072::LIMBS }>,
}

impl Group {
    fn new() -> Group {
        let n = U3072::from_be_hex(N_HEX);
        // N is public, so its parameters may be computed in variable time.
        let params = FixedMontyParams::new_vartime(Odd::new(n).expect("the group's N is odd"));
        let two = U3072::from_u8(2);
        let k = sha256(&[&padded(&n), &padded(&two)]);
        Group { params, g: FixedMontyForm::new(&two, &params), k: FixedMontyForm::new(&number(&k), &params) }
    }

    /// `value` (below `N`) in Montgomery form.
    fn element(&self, value: &U3072) -> FixedMontyForm<{ U3072::LIMBS }> {
        FixedMontyForm::new(value, &self.params)
    }
}

/// SHA-256 of `parts`, one after another.
fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize().into()
}

/// A number from big-endian bytes (at most [`BYTES`] of them; callers check).
fn number(bytes: &[u8]) -> U3072 {
    let mut full = [0u8; BYTES];
    full[BYTES - bytes.len()..].copy_from_slice(bytes);
    U3072::from_be_slice(&full)
}

/// A number from hex, such as `SRP_B` or `SALT`; `None` when it is not hex or does not fit.
fn number_from_hex(hex: &str) -> Option<U3072> {
    // An odd number of digits has an implied leading zero.
    let digits = if hex.len() % 2 == 1 { format!("0{hex}") } else { hex.to_string() };
    let bytes = base16ct::mixed::decode_vec(digits).ok()?;
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let significant = &bytes[first..];
    (significant.len() <= BYTES).then(|| number(significant))
}

/// The bytes of `value` as amazon-cognito-identity-js's `padHex` writes them: big-endian
/// without leading zeros, with one zero byte in front when the top bit is set (so the value
/// reads as positive), and `[0]` for zero.
pub fn padded(value: &U3072) -> Vec<u8> {
    let significant = be_bytes(value);
    if significant.first().is_none_or(|&b| b >= 0x80) {
        [&[0][..], &significant].concat()
    } else {
        significant
    }
}

/// The big-endian bytes of `value` without leading zeros (empty for zero).
pub fn be_bytes(value: &U3072) -> Vec<u8> {
    let bytes = value.to_be_bytes();
    let bytes: &[u8] = bytes.as_ref();
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes[first..].to_vec()
}

/// The first step: the secret `a` (from random bytes the caller supplies) and `A = g^a mod N`.
pub struct SrpStart {
    a: U3072,
    /// Bits of `a`'s range (8 per random byte): public, unlike `a`.
    a_bits: u32,
    /// `SRP_A` for `InitiateAuth`, in hex.
    pub big_a_hex: String,
}

/// Lower-case hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

/// Starts a sign-in from random bytes (128 of them from `crypto.getRandomValues` in the
/// browser; at most 384).
///
/// # Panics
/// With more than 384 random bytes.
pub fn start(random: &[u8]) -> SrpStart {
    assert!(random.len() <= BYTES, "at most {BYTES} random bytes");
    let group = Group::new();
    // 1024 random bits are far below N, so `a` needs no reduction.
    let a = number(random);
    let a_bits = (random.len() * 8) as u32;
    // Constant time in the value of `a`: only its public bit length bounds the loop.
    let big_a = group.g.pow_bounded_exp(&a, a_bits).retrieve();
    SrpStart { a, a_bits, big_a_hex: to_hex(&be_bytes(&big_a)) }
}

/// What the `PASSWORD_VERIFIER` challenge carries.
pub struct Challenge<'a> {
    /// The part of the pool id after `_`.
    pub pool_name: &'a str,
    /// `USER_ID_FOR_SRP`.
    pub user_id: &'a str,
    /// `SRP_B`, hex.
    pub big_b_hex: &'a str,
    /// `SALT`, hex.
    pub salt_hex: &'a str,
    /// `SECRET_BLOCK`, base64.
    pub secret_block: &'a str,
}

/// An intermediate value of the claim, shown to [`claim_noting`]'s observer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `u = H(A || B)`.
    U,
    /// `x = H(salt || H(pool || user || ":" || password))`.
    X,
    /// The shared secret `S`.
    S,
    /// The HKDF key.
    Key,
}

/// Answers the `PASSWORD_VERIFIER` challenge: `PASSWORD_CLAIM_SIGNATURE` (base64), the
/// signature over `pool || user id || secret block || timestamp` under the key derived from `S`.
///
/// # Errors
/// A malformed challenge, or values that would make the exchange unsafe.
pub fn claim(start: &SrpStart, challenge: &Challenge, password: &str, timestamp: &str) -> Result<String, SrpError> {
    claim_noting(start, challenge, password, timestamp, |_, _| {})
}

/// [`claim`], showing `note` each intermediate value (big-endian bytes) as it is computed:
/// the test vectors check every step.
///
/// # Errors
/// As [`claim`].
pub fn claim_noting(
    start: &SrpStart,
    challenge: &Challenge,
    password: &str,
    timestamp: &str,
    mut note: impl FnMut(Step, &[u8]),
) -> Result<String, SrpError> {
    let group = Group::new();
    let big_a = number_from_hex(&start.big_a_hex).ok_or(SrpError::BadChallenge)?;
    let big_b = number_from_hex(challenge.big_b_hex).ok_or(SrpError::BadChallenge)?;
    let salt = number_from_hex(challenge.salt_hex).ok_or(SrpError::BadChallenge)?;
    let secret_block = BASE64.decode(challenge.secret_block).map_err(|_| SrpError::BadChallenge)?;
    // B mod N, in Montgomery form (`new` reduces it).
    let b = group.element(&big_b);
    if bool::from(b.retrieve().is_zero()) {
        return Err(SrpError::UnsafeValues);
    }
    let u = number(&sha256(&[&padded(&big_a), &padded(&b.retrieve())]));
    if bool::from(u.is_zero()) {
        return Err(SrpError::UnsafeValues);
    }
    note(Step::U, &be_bytes(&u));
    let identity = sha256(&[challenge.pool_name.as_bytes(), challenge.user_id.as_bytes(), b":", password.as_bytes()]);
    let x = number(&sha256(&[&padded(&salt), &identity]));
    note(Step::X, &be_bytes(&x));
    // S = (B - k * g^x) ^ (a + u * x) mod N. x and u are 256-bit hashes, a has `a_bits`
    // bits, so the exponent fits in max(a_bits, 512) + 1 bits: a public bound, which keeps
    // both exponentiations constant-time in the secret values.
    let base = b - group.k * group.g.pow_bounded_exp(&x, 256);
    let exponent = start.a.wrapping_add(&u.wrapping_mul(&x));
    let s = base.pow_bounded_exp(&exponent, start.a_bits.max(512) + 1).retrieve();
    note(Step::S, &be_bytes(&s));
    let mut key = [0u8; 16];
    Hkdf::<Sha256>::new(Some(&padded(&u)), &padded(&s)).expand(HKDF_INFO, &mut key).map_err(|_| SrpError::UnsafeValues)?;
    note(Step::Key, &key);
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).map_err(|_| SrpError::UnsafeValues)?;
    for part in [challenge.pool_name.as_bytes(), challenge.user_id.as_bytes(), &secret_block, timestamp.as_bytes()] {
        mac.update(part);
    }
    Ok(BASE64.encode(mac.finalize().into_bytes()))
}

/// Cognito's `TIMESTAMP`, such as `Mon Nov 30 06:05:09 UTC 2026` (day of month not padded),
/// from seconds since 1970 in UTC.
pub fn timestamp(unix_seconds: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = unix_seconds / 86_400;
    let seconds = unix_seconds % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (weekday, month) = (DAYS[(days % 7) as usize], MONTHS[(month - 1) as usize]);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    format!("{weekday} {month} {day} {hours:02}:{minutes:02}:{seconds:02} UTC {year}")
}

#[cfg(test)]
mod tests;
