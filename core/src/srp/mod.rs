//! Cognito's SRP sign-in (`USER_SRP_AUTH` then `PASSWORD_VERIFIER`), as pure math: the random
//! value and the time are passed in. Follows the client of amazon-cognito-identity-js
//! (`AuthenticationHelper`) and pycognito (`aws_srp.py`); the tests hold vectors computed with
//! pycognito.

use crate::prelude::*;

pub mod bigint;
pub mod digest;

use bigint::Big;
use crate::text::{concat, concat_bytes};
use digest::{base64_decode, base64_encode, hkdf16, hmac_sha256, sha256};

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

/// The group: `N`, `g` and the multiplier `k = H(N || g)`.
struct Group {
    n: Big,
    g: Big,
    k: Big,
}

impl Group {
    fn new() -> Group {
        // A literal panic message, unlike `expect`, adds no formatting code to the module.
        let Some(n) = Big::from_hex(N_HEX) else { panic!("the group constant is hex") };
        let g = Big::from_u32(2);
        let k = Big::from_be_bytes(&sha256(&concat_bytes(&[&padded(&n), &padded(&g)])));
        Group { n, g, k }
    }
}

/// The bytes of `value` as amazon-cognito-identity-js's `padHex` writes them: big-endian,
/// with a leading zero byte when the top bit is set (so the value reads as positive).
pub fn padded(value: &Big) -> Vec<u8> {
    let bytes = value.to_be_bytes();
    if bytes.first().is_none_or(|&b| b >= 0x80) {
        concat_bytes(&[&[0], &bytes])
    } else {
        bytes
    }
}

/// The first step: the secret `a` (from random bytes the caller supplies) and `A = g^a mod N`.
pub struct SrpStart {
    a: Big,
    /// `SRP_A` for `InitiateAuth`, in hex.
    pub big_a_hex: String,
}

/// Lower-case hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    hex
}

/// Starts a sign-in from 128 random bytes (`crypto.getRandomValues` in the browser).
pub fn start(random: &[u8]) -> SrpStart {
    let group = Group::new();
    let a = Big::from_be_bytes(random).rem(&group.n);
    let big_a = group.g.mod_pow(&a, &group.n);
    SrpStart { a, big_a_hex: to_hex(&big_a.to_be_bytes()) }
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
    let big_a = Big::from_hex(&start.big_a_hex).ok_or(SrpError::BadChallenge)?;
    let big_b = Big::from_hex(challenge.big_b_hex).ok_or(SrpError::BadChallenge)?;
    let salt = Big::from_hex(challenge.salt_hex).ok_or(SrpError::BadChallenge)?;
    let secret_block = base64_decode(challenge.secret_block).ok_or(SrpError::BadChallenge)?;
    if big_b.rem(&group.n).is_zero() {
        return Err(SrpError::UnsafeValues);
    }
    let u = Big::from_be_bytes(&sha256(&concat_bytes(&[&padded(&big_a), &padded(&big_b)])));
    if u.is_zero() {
        return Err(SrpError::UnsafeValues);
    }
    note(Step::U, &u.to_be_bytes());
    let identity = sha256(concat(&[challenge.pool_name, challenge.user_id, ":", password]).as_bytes());
    let x = Big::from_be_bytes(&sha256(&concat_bytes(&[&padded(&salt), &identity])));
    note(Step::X, &x.to_be_bytes());
    // S = (B - k * g^x) ^ (a + u * x) mod N, with the base kept non-negative.
    let kgx = group.k.mul(&group.g.mod_pow(&x, &group.n)).rem(&group.n);
    let base = big_b.rem(&group.n).add(&group.n).sub(&kgx).rem(&group.n);
    let s = base.mod_pow(&start.a.add(&u.mul(&x)), &group.n);
    note(Step::S, &s.to_be_bytes());
    let key = hkdf16(&padded(&s), &padded(&u), HKDF_INFO);
    note(Step::Key, &key);
    let message = concat_bytes(&[challenge.pool_name.as_bytes(), challenge.user_id.as_bytes(), &secret_block, timestamp.as_bytes()]);
    Ok(base64_encode(&hmac_sha256(&key, &message)))
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
    let mut text = String::with_capacity(32);
    text.push_str(DAYS[(days % 7) as usize]);
    text.push(' ');
    text.push_str(MONTHS[(month - 1) as usize]);
    text.push(' ');
    text.push_str(&crate::json::decimal(day as u64));
    for (separator, n) in [(' ', seconds / 3600), (':', seconds / 60 % 60), (':', seconds % 60)] {
        text.push(separator);
        text.push(char::from(b'0' + (n / 10) as u8));
        text.push(char::from(b'0' + (n % 10) as u8));
    }
    text.push_str(" UTC ");
    text.push_str(&crate::json::decimal(year as u64));
    text
}

#[cfg(test)]
mod tests;
