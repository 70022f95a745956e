//! Just enough unsigned big-integer arithmetic for SRP on Cognito's 3072-bit group:
//! multiply, divide (Knuth's algorithm D), and modular exponentiation. Hand-sized so the
//! browser module stays small; tested against the SRP vectors and by its own invariants.

use crate::prelude::*;
use core::cmp::Ordering;

/// An unsigned integer of any size: 32-bit limbs, least significant first, no leading zeros.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Big(Vec<u32>);

impl Big {
    /// Zero.
    pub fn zero() -> Big {
        Big(Vec::new())
    }

    /// A small value.
    pub fn from_u32(value: u32) -> Big {
        Big(vec![value]).normalized()
    }

    /// Drops leading zero limbs.
    fn normalized(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// Reads big-endian bytes.
    pub fn from_be_bytes(bytes: &[u8]) -> Big {
        let mut limbs = vec![0u32; bytes.len().div_ceil(4)];
        for (i, &byte) in bytes.iter().rev().enumerate() {
            limbs[i / 4] |= u32::from(byte) << (8 * (i % 4));
        }
        Big(limbs).normalized()
    }

    /// The shortest big-endian bytes (empty for zero).
    pub fn to_be_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.0.len() * 4);
        for limb in self.0.iter().rev() {
            for byte in limb.to_be_bytes() {
                if byte != 0 || !bytes.is_empty() {
                    bytes.push(byte);
                }
            }
        }
        bytes
    }

    /// Reads hexadecimal digits (either case); `None` for anything else.
    pub fn from_hex(hex: &str) -> Option<Big> {
        let mut limbs = vec![0u32; hex.len().div_ceil(8)];
        for (i, byte) in hex.bytes().rev().enumerate() {
            limbs[i / 8] |= char::from(byte).to_digit(16)? << (4 * (i % 8));
        }
        Some(Big(limbs).normalized())
    }

    /// `self + other`.
    pub fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.0.len() >= other.0.len() { (self, other) } else { (other, self) };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &limb) in long.0.iter().enumerate() {
            let sum = u64::from(limb) + u64::from(*short.0.get(i).unwrap_or(&0)) + carry;
            out.push(sum as u32);
            carry = sum >> 32;
        }
        out.push(carry as u32);
        Big(out).normalized()
    }

    /// `self - other`; `other` must not be larger.
    pub fn sub(&self, other: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &limb) in self.0.iter().enumerate() {
            let mut diff = i64::from(limb) - i64::from(*other.0.get(i).unwrap_or(&0)) - borrow;
            borrow = i64::from(diff < 0);
            if diff < 0 {
                diff += 1 << 32;
            }
            out.push(diff as u32);
        }
        Big(out).normalized()
    }

    /// `self * other`.
    pub fn mul(&self, other: &Big) -> Big {
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.0.len()] = carry as u32;
        }
        Big(out).normalized()
    }

    /// Quotient and remainder of `self / divisor` (divisor not zero).
    pub fn div_rem(&self, divisor: &Big) -> (Big, Big) {
        assert!(!divisor.is_zero(), "division by zero");
        if self < divisor {
            return (Big::zero(), self.clone());
        }
        let n = divisor.0.len();
        if n == 1 {
            let d = u64::from(divisor.0[0]);
            let mut quotient = vec![0u32; self.0.len()];
            let mut rest = 0u64;
            for i in (0..self.0.len()).rev() {
                let cur = (rest << 32) | u64::from(self.0[i]);
                quotient[i] = (cur / d) as u32;
                rest = cur % d;
            }
            return (Big(quotient).normalized(), Big::from_u32(rest as u32));
        }
        // Knuth, TAOCP vol. 2, 4.3.1, algorithm D, as written in Hacker's Delight (divmnu).
        let shift = divisor.0[n - 1].leading_zeros();
        let v = shifted_left(&divisor.0, shift, n);
        let mut u = shifted_left(&self.0, shift, self.0.len() + 1);
        let m = self.0.len() - n;
        let mut quotient = vec![0u32; m + 1];
        let base = 1u64 << 32;
        for j in (0..=m).rev() {
            let top = (u64::from(u[j + n]) << 32) | u64::from(u[j + n - 1]);
            let mut qhat = top / u64::from(v[n - 1]);
            let mut rhat = top % u64::from(v[n - 1]);
            while qhat >= base || qhat * u64::from(v[n - 2]) > ((rhat << 32) | u64::from(u[j + n - 2])) {
                qhat -= 1;
                rhat += u64::from(v[n - 1]);
                if rhat >= base {
                    break;
                }
            }
            let mut borrow = 0i64;
            for i in 0..n {
                let product = qhat * u64::from(v[i]);
                let t = i64::from(u[i + j]) - borrow - (product & 0xFFFF_FFFF) as i64;
                u[i + j] = t as u32;
                borrow = (product >> 32) as i64 - (t >> 32);
            }
            let t = i64::from(u[j + n]) - borrow;
            u[j + n] = t as u32;
            if t < 0 {
                qhat -= 1;
                let mut carry = 0u64;
                for i in 0..n {
                    let sum = u64::from(u[i + j]) + u64::from(v[i]) + carry;
                    u[i + j] = sum as u32;
                    carry = sum >> 32;
                }
                u[j + n] = u[j + n].wrapping_add(carry as u32);
            }
            quotient[j] = qhat as u32;
        }
        let mut remainder = Vec::with_capacity(n);
        for i in 0..n {
            remainder.push(if shift == 0 { u[i] } else { (u[i] >> shift) | (u[i + 1] << (32 - shift)) });
        }
        (Big(quotient).normalized(), Big(remainder).normalized())
    }

    /// `self mod modulus`.
    pub fn rem(&self, modulus: &Big) -> Big {
        self.div_rem(modulus).1
    }

    /// `self ^ exponent mod modulus`, square-and-multiply from the top bit.
    pub fn mod_pow(&self, exponent: &Big, modulus: &Big) -> Big {
        let base = self.rem(modulus);
        let mut result = Big::from_u32(1).rem(modulus);
        for limb in exponent.0.iter().rev() {
            for bit in (0..32).rev() {
                result = result.mul(&result).rem(modulus);
                if (limb >> bit) & 1 == 1 {
                    result = result.mul(&base).rem(modulus);
                }
            }
        }
        result
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `limbs` shifted left by `shift` (< 32) bits, in `len` limbs.
fn shifted_left(limbs: &[u32], shift: u32, len: usize) -> Vec<u32> {
    let mut out = vec![0u32; len];
    for (i, &limb) in limbs.iter().enumerate() {
        out[i] |= limb << shift;
        if shift > 0 && i + 1 < len {
            out[i + 1] = limb >> (32 - shift);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn big(hex: &str) -> Big {
        Big::from_hex(hex).unwrap()
    }

    #[test]
    fn converts_bytes_and_hex() {
        assert_eq!(big("00ff00000001").to_be_bytes(), vec![0xff, 0, 0, 0, 1]);
        assert_eq!(Big::from_be_bytes(&[0, 0, 1, 2, 3, 4, 5]), big("102030405"));
        assert!(big("0").is_zero());
        assert_eq!(Big::from_hex("12g"), None);
    }

    #[test]
    fn small_known_answers() {
        assert_eq!(big("ffffffffffffffff").add(&big("1")), big("10000000000000000"));
        assert_eq!(big("10000000000000000").sub(&big("1")), big("ffffffffffffffff"));
        assert_eq!(big("ffffffff").mul(&big("ffffffff")), big("fffffffe00000001"));
        assert_eq!(Big::from_u32(4).mod_pow(&Big::from_u32(13), &Big::from_u32(497)), Big::from_u32(445));
        let (q, r) = big("123456789abcdef0123456789abcdef").div_rem(&big("fedcba987654321"));
        assert_eq!((q, r), (big("1249249249249237"), big("fd8fd8fd8fd8fd8")));
    }

    proptest! {
        #[test]
        fn bytes_and_hex_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let value = Big::from_be_bytes(&bytes);
            let shortest: Vec<u8> = bytes.iter().copied().skip_while(|&b| b == 0).collect();
            prop_assert_eq!(value.to_be_bytes(), shortest.clone());
            let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
            prop_assert_eq!(Big::from_hex(&hex), Some(value));
        }

        #[test]
        fn division_inverts_multiplication(
            n in proptest::collection::vec(any::<u8>(), 0..80),
            d in proptest::collection::vec(any::<u8>(), 1..48),
        ) {
            let (n, d) = (Big::from_be_bytes(&n), Big::from_be_bytes(&d));
            prop_assume!(!d.is_zero());
            let (q, r) = n.div_rem(&d);
            prop_assert_eq!(r.cmp(&d), Ordering::Less);
            prop_assert_eq!(q.mul(&d).add(&r), n);
        }

        #[test]
        fn mod_pow_agrees_with_repeated_multiplication(base in any::<u64>(), exponent in 0u32..40, modulus in 2u64..) {
            let m = Big::from_be_bytes(&modulus.to_be_bytes());
            let b = Big::from_be_bytes(&base.to_be_bytes());
            let mut expected = Big::from_u32(1).rem(&m);
            for _ in 0..exponent {
                expected = expected.mul(&b).rem(&m);
            }
            prop_assert_eq!(b.mod_pow(&Big::from_u32(exponent), &m), expected);
        }
    }
}
