//! Every SRP step checked against vectors computed with pycognito, an independent
//! implementation, from fixed random values (vectors.json).

use super::*;
use serde_json::Value;

fn cases() -> Vec<Value> {
    let vectors: Value = serde_json::from_str(include_str!("vectors.json")).expect("vectors.json is JSON");
    vectors["cases"].as_array().expect("vectors.json holds a list of cases").clone()
}

fn bytes_of_hex(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn every_step_matches_pycognito() {
    for case in cases() {
        let field = |key: &str| case[key].as_str().unwrap_or_else(|| panic!("{key} in vectors.json"));
        let started = start(&bytes_of_hex(field("random_hex")));
        assert_eq!(started.big_a_hex, field("big_a_hex"), "A for {}", field("user_id"));
        let pool_name = field("pool_id").split_once('_').unwrap().1;
        let challenge = Challenge {
            pool_name,
            user_id: field("user_id"),
            big_b_hex: field("big_b_hex"),
            salt_hex: field("salt_hex"),
            secret_block: field("secret_block"),
        };
        let unix = case["unix_seconds"].as_u64().unwrap();
        assert_eq!(timestamp(unix), field("timestamp"));
        let mut steps = Vec::new();
        let signature = claim_noting(&started, &challenge, field("password"), field("timestamp"), |step, bytes| steps.push((step, to_hex(bytes)))).unwrap();
        let expected = [(Step::U, "u_hex"), (Step::X, "x_hex"), (Step::S, "s_hex"), (Step::Key, "key_hex")];
        assert_eq!(steps, expected.map(|(step, key)| (step, field(key).to_string())), "every step");
        assert_eq!(signature, field("signature"), "signature");
        assert_eq!(claim(&started, &challenge, field("password"), field("timestamp")).unwrap(), signature);
    }
}

#[test]
fn refuses_unsafe_or_malformed_challenges() {
    let started = start(&[7; 128]);
    let good = Challenge { pool_name: "p", user_id: "u", big_b_hex: "2", salt_hex: "ab", secret_block: "AAAA" };
    assert!(claim(&started, &good, "pw", "t").is_ok());
    let zero_b = Challenge { big_b_hex: N_HEX, ..good };
    assert_eq!(claim(&started, &zero_b, "pw", "t").unwrap_err(), SrpError::UnsafeValues);
    let bad_hex = Challenge { big_b_hex: "xyz", ..good };
    assert_eq!(claim(&started, &bad_hex, "pw", "t").unwrap_err(), SrpError::BadChallenge);
    let bad_block = Challenge { secret_block: "!!", ..good };
    assert_eq!(claim(&started, &bad_block, "pw", "t").unwrap_err(), SrpError::BadChallenge);
}

#[test]
fn timestamps_cover_month_and_year_ends() {
    assert_eq!(timestamp(0), "Thu Jan 1 00:00:00 UTC 1970");
    assert_eq!(timestamp(951_782_400), "Tue Feb 29 00:00:00 UTC 2000");
    assert_eq!(timestamp(1_798_761_599), "Thu Dec 31 23:59:59 UTC 2026");
}

#[test]
fn padding_marks_values_with_the_top_bit_set() {
    assert_eq!(padded(&U3072::from_u8(0x7f)), vec![0x7f]);
    assert_eq!(padded(&U3072::from_u8(0x80)), vec![0, 0x80]);
    assert_eq!(padded(&U3072::ZERO), vec![0]);
}

/// `base^exponent mod N` and `k * base mod N` by crypto-bigint (as `claim` computes them)
/// and by num-bigint, an independent implementation, on random values.
mod against_num_bigint {
    use super::*;
    use num_bigint::BigUint;
    use proptest::prelude::*;

    fn n() -> BigUint {
        BigUint::parse_bytes(N_HEX.as_bytes(), 16).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn modular_exponentiation_agrees(base in proptest::collection::vec(any::<u8>(), 1..=384), exponent in proptest::collection::vec(any::<u8>(), 1..=129)) {
            let group = Group::new();
            let bits = (exponent.len() * 8) as u32;
            let ours = group.element(&number(&base)).pow_bounded_exp(&number(&exponent), bits).retrieve();
            let theirs = BigUint::from_bytes_be(&base).modpow(&BigUint::from_bytes_be(&exponent), &n());
            prop_assert_eq!(be_bytes(&ours), theirs.to_bytes_be().into_iter().skip_while(|&b| b == 0).collect::<Vec<u8>>());
        }

        #[test]
        fn the_base_of_s_agrees(b in proptest::collection::vec(any::<u8>(), 1..=384), x in proptest::collection::vec(any::<u8>(), 32)) {
            let group = Group::new();
            let ours = (group.element(&number(&b)) - group.k * group.g.pow_bounded_exp(&number(&x), 256)).retrieve();
            let n = n();
            let k = BigUint::from_bytes_be(&sha256(&[&padded(&U3072::from_be_hex(N_HEX)), &[2]]));
            let gx = BigUint::from(2u8).modpow(&BigUint::from_bytes_be(&x), &n);
            let theirs = (BigUint::from_bytes_be(&b) % &n + &n - (k * gx) % &n) % &n;
            prop_assert_eq!(be_bytes(&ours), theirs.to_bytes_be().into_iter().skip_while(|&b| b == 0).collect::<Vec<u8>>());
        }

        #[test]
        fn hex_reads_back(bytes in proptest::collection::vec(any::<u8>(), 0..=384)) {
            let value = number_from_hex(&to_hex(&bytes)).unwrap();
            prop_assert_eq!(be_bytes(&value), bytes.into_iter().skip_while(|&b| b == 0).collect::<Vec<u8>>());
        }
    }
}
