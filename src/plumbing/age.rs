//! The link's age on the page: core judges it by the server's clock (measured by
//! `www/boot.js` from the `Date` of the page's own `config.json`) and the device's, passed
//! in; this says it in the person's language and local time ("This link works until 14:05").

use std::cell::RefCell;

use js_sys::{Date, Object, Promise, Reflect};
use reset_link_core::age::{judge, LinkAge, LinkKind};
use reset_link_core::link::LinkParams;
use wasm_bindgen::JsValue;

use crate::plumbing::i18n::{fill, language, t};
use crate::plumbing::{dom, http};

thread_local! {
    /// The page's measure of the server's clock (see [`set_server_clock`]).
    static SERVER_CLOCK: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Keeps `offset`, a promise of the server's time minus the device's in milliseconds (NaN
/// when the server sent no `Date`).
pub fn set_server_clock(offset: Promise) {
    SERVER_CLOCK.set(Some(offset));
}

/// The server's time now (Unix seconds), when the page could measure it. The page asks only
/// once its configuration has arrived, in the same response, so this does not wait.
async fn server_now() -> Option<u64> {
    let offset = SERVER_CLOCK.with_borrow(Clone::clone)?;
    let offset = http::settled(offset, 1_000).await?.as_f64().filter(|ms| ms.is_finite())?;
    Some(((Date::now() + offset) / 1000.0).max(0.0) as u64)
}

/// What the page does about the link's age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Nothing more than the note, if any: the form as usual.
    Fine,
    /// Expired by the server's clock, for a link that names its account: offer a new link
    /// instead of the form.
    Expired,
    /// Only the device's clock says it expired: the note says it may have, and the page
    /// offers a new link beside the form, which stays usable (Cognito has the last word).
    MayHaveExpired,
}

/// Writes how long the link still works, or that it may have expired, into `#link-age`, and
/// says what the page should do about it.
pub async fn show(link: &LinkParams, kind: LinkKind) -> Age {
    let device_now = (Date::now() / 1000.0) as u64;
    match judge(link.sent_at, device_now, server_now().await, kind) {
        LinkAge::Unknown => Age::Fine,
        LinkAge::Expired if link.username.is_some() => Age::Expired,
        LinkAge::Expired => Age::Fine,
        LinkAge::MayHaveExpired => {
            note(&t("reset.may_have_expired"));
            Age::MayHaveExpired
        }
        LinkAge::WorksUntil(until) => {
            note(&fill("reset.works_until", &[("time", &local_time(until))]));
            Age::Fine
        }
    }
}

/// Shows `words` in `#link-age`.
fn note(words: &str) {
    dom::set_text("link-age", words);
    dom::show("link-age", true);
}

/// `unix_seconds` as the person reads a time on their device: hours and minutes, with the
/// day too when it is not today (a sign-up link works for 24 hours).
fn local_time(unix_seconds: u64) -> String {
    let when = Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    let today = Date::new_0();
    let same_day = when.get_date() == today.get_date() && when.get_month() == today.get_month();
    let options = Object::new();
    let set = |name: &str, value: &str| {
        let _ = Reflect::set(&options, &JsValue::from_str(name), &JsValue::from_str(value));
    };
    set("hour", "numeric");
    set("minute", "2-digit");
    if !same_day {
        set("weekday", "long");
        set("day", "numeric");
        set("month", "long");
    }
    String::from(when.to_locale_string(&language(), &options))
}
