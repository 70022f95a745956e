//! How old a link is. The trigger writes the time it wrote the email into the link (not a
//! secret: it only tells the page when the code runs out); the page compares it with the
//! clocks it has, passed in (the server's, from the `Date` of its own `config.json`, and the
//! device's), and says how long the link still works, or that it has expired before the
//! person types anything. Only the server's clock can say "expired" outright: a phone whose
//! clock is wrong must never lock a person out, so the device alone says "may have expired".
//!
//! ```
//! use reset_link_core::age::{judge, link_age, LinkAge, LinkKind};
//! let sent = 1_764_860_000;
//! assert_eq!(link_age(Some(sent), sent + 600, LinkKind::Reset), LinkAge::WorksUntil(sent + 3600));
//! assert_eq!(link_age(Some(sent), sent + 2 * 3600, LinkKind::Reset), LinkAge::Expired);
//! assert_eq!(link_age(None, sent, LinkKind::Reset), LinkAge::Unknown);
//! // A phone two hours fast, and a server that says the link still works.
//! assert_eq!(judge(Some(sent), sent + 2 * 3600, Some(sent + 600), LinkKind::Reset), LinkAge::MayHaveExpired);
//! ```

/// Minutes of clock difference between the trigger and the clock the page judges by that are
/// forgiven before a link reads as expired: a clock a little fast must not turn a working
/// link away (Cognito, not the page, has the last word).
pub const GRACE_SECONDS: u64 = 5 * 60;

/// Which code a link carries; each runs out after its own time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A password reset code (`ForgotPassword`): one hour.
    Reset,
    /// A sign-up confirmation code: 24 hours.
    SignUp,
    /// A code confirming a changed email address or phone number: 24 hours.
    AddressChange,
    /// An invitation's temporary password: the pool's setting, in days (only the pool knows it).
    Invitation {
        /// The pool's `TemporaryPasswordValidityDays`.
        days: u64,
    },
    /// A sign-in code (`EMAIL_OTP`): the app client's `AuthSessionValidity`, in minutes.
    SignIn {
        /// `signInSessionMinutes` of the configuration.
        minutes: u64,
    },
}

impl LinkKind {
    /// How long a code of this kind works, in seconds.
    pub fn lifetime_seconds(self) -> u64 {
        match self {
            Self::Reset => 3600,
            Self::SignUp | Self::AddressChange => 24 * 3600,
            Self::Invitation { days } => days.saturating_mul(24 * 3600),
            Self::SignIn { minutes } => minutes.saturating_mul(60),
        }
    }
}

/// What the page can say about a link's age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkAge {
    /// The link carries no time (an older email, or a template without it): say nothing.
    Unknown,
    /// The link works until this time (Unix seconds).
    WorksUntil(u64),
    /// The link's code has run out: offer a new link before asking for anything.
    Expired,
    /// Only the device's clock says the code has run out (the server's clock says it still
    /// works, or the page has no server clock): say so, offer a new link, and leave the form
    /// usable, since Cognito has the last word. Only [`judge`] answers this.
    MayHaveExpired,
}

/// The age of a link written at `sent_at` (Unix seconds, from the link) at `now` (Unix
/// seconds, by one clock; [`judge`] weighs the server's and the device's). A time more than a lifetime in the future is not the
/// trigger's (or the clock is far off): it reads as unknown, so the page does not promise a
/// time it cannot trust.
pub fn link_age(sent_at: Option<u64>, now: u64, kind: LinkKind) -> LinkAge {
    let Some(sent_at) = sent_at else { return LinkAge::Unknown };
    let lifetime = kind.lifetime_seconds();
    let until = sent_at.saturating_add(lifetime);
    if sent_at > now.saturating_add(lifetime) {
        LinkAge::Unknown
    } else if now > until.saturating_add(GRACE_SECONDS) {
        LinkAge::Expired
    } else {
        LinkAge::WorksUntil(until)
    }
}

/// The age of a link written at `sent_at`, judged by the server's clock `server_now` (Unix
/// seconds, from the `Date` of the page's own `config.json`; `None` when it had none) and the
/// device's `device_now`. The server's clock decides; the device's alone never says
/// [`LinkAge::Expired`], only [`LinkAge::MayHaveExpired`].
pub fn judge(sent_at: Option<u64>, device_now: u64, server_now: Option<u64>, kind: LinkKind) -> LinkAge {
    let by_server = server_now.map(|now| link_age(sent_at, now, kind));
    match (by_server, link_age(sent_at, device_now, kind)) {
        (Some(LinkAge::Expired), _) => LinkAge::Expired,
        (_, LinkAge::Expired) => LinkAge::MayHaveExpired,
        (Some(by_server), _) => by_server,
        (None, by_device) => by_device,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENT: u64 = 1_764_860_000;

    #[test]
    fn each_kind_has_its_lifetime() {
        assert_eq!(LinkKind::Reset.lifetime_seconds(), 3600);
        assert_eq!(LinkKind::SignUp.lifetime_seconds(), 86_400);
        assert_eq!(LinkKind::Invitation { days: 7 }.lifetime_seconds(), 7 * 86_400);
        assert_eq!(LinkKind::Invitation { days: u64::MAX }.lifetime_seconds(), u64::MAX);
    }

    #[test]
    fn a_link_works_until_its_lifetime_and_the_grace_is_forgiven() {
        let age = |now| link_age(Some(SENT), now, LinkKind::Reset);
        assert_eq!(age(SENT), LinkAge::WorksUntil(SENT + 3600));
        assert_eq!(age(SENT + 3600), LinkAge::WorksUntil(SENT + 3600), "the last second still works");
        assert_eq!(age(SENT + 3600 + GRACE_SECONDS), LinkAge::WorksUntil(SENT + 3600), "a fast clock is forgiven");
        assert_eq!(age(SENT + 3600 + GRACE_SECONDS + 1), LinkAge::Expired);
        assert_eq!(link_age(Some(SENT), SENT + 23 * 3600, LinkKind::SignUp), LinkAge::WorksUntil(SENT + 86_400));
        assert_eq!(link_age(Some(SENT), SENT + 25 * 3600, LinkKind::SignUp), LinkAge::Expired);
    }

    #[test]
    fn a_slow_clock_still_gets_the_promised_time() {
        assert_eq!(link_age(Some(SENT), SENT - 120, LinkKind::Reset), LinkAge::WorksUntil(SENT + 3600));
    }

    #[test]
    fn no_time_or_one_far_in_the_future_says_nothing() {
        assert_eq!(link_age(None, SENT, LinkKind::Reset), LinkAge::Unknown);
        assert_eq!(link_age(Some(SENT + 3601), SENT, LinkKind::Reset), LinkAge::Unknown);
        assert_eq!(link_age(Some(u64::MAX), 0, LinkKind::SignUp), LinkAge::Unknown);
        assert_eq!(link_age(Some(0), u64::MAX, LinkKind::Reset), LinkAge::Expired);
    }

    #[test]
    fn the_servers_clock_decides_and_the_device_alone_never_locks_out() {
        let judge = |device, server| judge(Some(SENT), device, server, LinkKind::Reset);
        let (fresh, old) = (SENT + 600, SENT + 2 * 3600);
        assert_eq!(judge(fresh, Some(fresh)), LinkAge::WorksUntil(SENT + 3600), "both clocks right");
        assert_eq!(judge(old, Some(fresh)), LinkAge::MayHaveExpired, "a phone two hours fast");
        assert_eq!(judge(old, None), LinkAge::MayHaveExpired, "no server clock: the phone alone");
        assert_eq!(judge(fresh, None), LinkAge::WorksUntil(SENT + 3600));
        assert_eq!(judge(old, Some(old)), LinkAge::Expired, "the server says expired");
        assert_eq!(judge(fresh, Some(old)), LinkAge::Expired, "a slow phone does not revive an old link");
        assert_eq!(judge(SENT - 2 * 3600, Some(fresh)), LinkAge::WorksUntil(SENT + 3600), "the server's clock promises the time");
        assert_eq!(judge(old, Some(SENT - 2 * 3600)), LinkAge::MayHaveExpired, "a server clock far behind: nothing promised");
        assert_eq!(judge(SENT + 3600 + GRACE_SECONDS, Some(SENT + 3600 + GRACE_SECONDS)), LinkAge::WorksUntil(SENT + 3600), "the grace holds");
        assert_eq!(super::judge(None, old, Some(old), LinkKind::Reset), LinkAge::Unknown);
    }
}
