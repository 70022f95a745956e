//! SRP values made ahead of the press: `a` and `A = g^a mod N` need no password, so a page
//! makes them while the person types and the press waits only for what needs the password.
//! Pure: the caller passes the clock in (milliseconds since 1970, as `Date.now()` reads).

use super::SrpStart;

/// How long values made ahead may wait for the press: 10 minutes.
///
/// Cognito sets no limit here: it first sees `A` in `InitiateAuth`, where its own limits
/// start (the challenge's session lasts 3 minutes, and the claim's `TIMESTAMP` is written
/// when the claim is made). The limit is for the secret `a`: whoever reads it, with the
/// exchange recorded, can test password guesses offline, so it is kept no longer than
/// someone plausibly spends on the form (reading, typing a password twice, finding a password
/// manager: seconds to a few minutes). A press after a longer wait, on a page left open,
/// makes fresh values then: one exponentiation, about 30 ms on a desktop and 120 ms on a slow
/// phone, paid only by that press.
pub const AHEAD_LIMIT_MS: u64 = 10 * 60 * 1000;

/// `a` and `A` made before a sign-in needs them, with the moment they were made.
pub struct Ahead {
    start: SrpStart,
    made_at_ms: u64,
}

impl Ahead {
    /// Values `start` made at `made_at_ms`.
    pub fn new(start: SrpStart, made_at_ms: u64) -> Ahead {
        Ahead { start, made_at_ms }
    }

    /// Whether the values may still be used at `now_ms`: made at most [`AHEAD_LIMIT_MS`]
    /// before it, and not after it (a clock set back since says nothing of their age).
    pub fn usable_at(&self, now_ms: u64) -> bool {
        now_ms.checked_sub(self.made_at_ms).is_some_and(|age| age <= AHEAD_LIMIT_MS)
    }
}

/// Takes the values out of `slot` for one sign-in, when usable at `now_ms`. The slot is left
/// empty either way: values serve at most one sign-in, and stale ones are dropped.
pub fn take_usable(slot: &mut Option<Ahead>, now_ms: u64) -> Option<SrpStart> {
    slot.take().filter(|ahead| ahead.usable_at(now_ms)).map(|ahead| ahead.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srp::start;

    const MADE: u64 = 1_800_000_000_000;

    fn slot_with(random: u8) -> (Option<Ahead>, String) {
        let started = start(&[random; 128]);
        let big_a = started.big_a_hex.clone();
        (Some(Ahead::new(started, MADE)), big_a)
    }

    #[test]
    fn values_serve_one_sign_in_only() {
        let (mut slot, big_a) = slot_with(5);
        assert_eq!(take_usable(&mut slot, MADE + 3_000).map(|s| s.big_a_hex), Some(big_a));
        assert!(take_usable(&mut slot, MADE + 3_000).is_none(), "taken, never handed out again");
    }

    #[test]
    fn values_are_usable_up_to_the_limit() {
        let (mut slot, big_a) = slot_with(6);
        assert_eq!(take_usable(&mut slot, MADE + AHEAD_LIMIT_MS).map(|s| s.big_a_hex), Some(big_a));
    }

    #[test]
    fn older_values_are_dropped() {
        let (mut slot, _) = slot_with(7);
        assert!(take_usable(&mut slot, MADE + AHEAD_LIMIT_MS + 1).is_none());
        assert!(slot.is_none(), "a stale value does not stay for a later look");
        let (mut hours, _) = slot_with(8);
        assert!(take_usable(&mut hours, MADE + 3 * 3_600_000).is_none(), "a page left open for hours");
    }

    #[test]
    fn values_from_a_clock_set_back_are_dropped() {
        let (mut slot, _) = slot_with(9);
        assert!(take_usable(&mut slot, MADE - 1).is_none());
        assert!(slot.is_none());
    }
}
