//! SRP values made ahead of the press: `a` and `A = g^a mod N` need no password, so a page
//! makes them while the person types and the press waits only for what needs the password.
//! Pure: the caller passes the clocks in ([`Moment`]).

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

/// A moment by the two clocks a page reads, in milliseconds: the wall clock (`Date.now()`),
/// which someone or a correction may set back, and the steady one (`performance.now()`),
/// which never goes back but may pause while a device sleeps. Each covers the other's gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// Milliseconds since 1970 by the wall clock.
    pub wall_ms: u64,
    /// Milliseconds by the steady clock, since any fixed start.
    pub steady_ms: u64,
}

/// `a` and `A` made before a sign-in needs them, with the moment they were made.
pub struct Ahead {
    start: SrpStart,
    made: Moment,
}

impl Ahead {
    /// Values `start` made at `made`.
    pub fn new(start: SrpStart, made: Moment) -> Ahead {
        Ahead { start, made }
    }

    /// Whether the values may still be used at `now`: made at most [`AHEAD_LIMIT_MS`] before
    /// it by both clocks, and not after it by either (a clock set back says nothing of their
    /// age).
    pub fn usable_at(&self, now: Moment) -> bool {
        let within = |then: u64, now: u64| now.checked_sub(then).is_some_and(|age| age <= AHEAD_LIMIT_MS);
        within(self.made.wall_ms, now.wall_ms) && within(self.made.steady_ms, now.steady_ms)
    }
}

/// Takes the values out of `slot` for one sign-in, when usable at `now`. The slot is left
/// empty either way: values serve at most one sign-in, and stale ones are dropped.
pub fn take_usable(slot: &mut Option<Ahead>, now: Moment) -> Option<SrpStart> {
    slot.take().filter(|ahead| ahead.usable_at(now)).map(|ahead| ahead.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srp::start;

    const MADE: u64 = 1_800_000_000_000;
    const STEADY: u64 = 40_000;

    /// `ms` after the values were made, by both clocks.
    fn after(ms: u64) -> Moment {
        Moment { wall_ms: MADE + ms, steady_ms: STEADY + ms }
    }

    fn slot_with(random: u8) -> (Option<Ahead>, String) {
        let started = start(&[random; 128]);
        let big_a = started.big_a_hex.clone();
        (Some(Ahead::new(started, after(0))), big_a)
    }

    #[test]
    fn values_serve_one_sign_in_only() {
        let (mut slot, big_a) = slot_with(5);
        assert_eq!(take_usable(&mut slot, after(3_000)).map(|s| s.big_a_hex), Some(big_a));
        assert!(take_usable(&mut slot, after(3_000)).is_none(), "taken, never handed out again");
    }

    #[test]
    fn values_are_usable_up_to_the_limit() {
        let (mut slot, big_a) = slot_with(6);
        assert_eq!(take_usable(&mut slot, after(AHEAD_LIMIT_MS)).map(|s| s.big_a_hex), Some(big_a));
    }

    #[test]
    fn older_values_are_dropped() {
        let (mut slot, _) = slot_with(7);
        assert!(take_usable(&mut slot, after(AHEAD_LIMIT_MS + 1)).is_none());
        assert!(slot.is_none(), "a stale value does not stay for a later look");
        let (mut hours, _) = slot_with(8);
        assert!(take_usable(&mut hours, after(3 * 3_600_000)).is_none(), "a page left open for hours");
    }

    #[test]
    fn values_from_a_clock_set_back_are_dropped() {
        let (mut slot, _) = slot_with(9);
        assert!(take_usable(&mut slot, Moment { wall_ms: MADE - 1, steady_ms: STEADY + 1 }).is_none());
        assert!(slot.is_none());
    }

    #[test]
    fn a_clock_set_back_less_than_the_time_passed_does_not_hide_their_age() {
        // Made at T; 20 minutes later the wall clock is set back 15 minutes: it reads T + 5.
        let (mut slot, _) = slot_with(10);
        let now = Moment { wall_ms: MADE + 5 * 60_000, steady_ms: STEADY + 20 * 60_000 };
        assert!(take_usable(&mut slot, now).is_none());
    }

    #[test]
    fn a_steady_clock_paused_in_sleep_does_not_hide_their_age() {
        let (mut slot, _) = slot_with(11);
        let now = Moment { wall_ms: MADE + 3 * 3_600_000, steady_ms: STEADY + 60_000 };
        assert!(take_usable(&mut slot, now).is_none());
    }
}
