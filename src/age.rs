//! The link's age on the page: core judges it with the device's clock passed in; this says
//! it in the person's language and local time ("This link works until 14:05").

use js_sys::{Date, Object, Reflect};
use reset_link_core::age::{link_age, LinkAge, LinkKind};
use reset_link_core::link::LinkParams;
use wasm_bindgen::JsValue;

use crate::dom;
use crate::i18n::{fill, language};

/// Writes how long the link still works into `#link-age`; returns whether it has expired
/// (only for a link that names its account, so the page can offer a new one at once).
pub fn show(link: &LinkParams, kind: LinkKind) -> bool {
    let now = (Date::now() / 1000.0) as u64;
    match link_age(link.sent_at, now, kind) {
        LinkAge::Unknown => false,
        LinkAge::Expired => link.username.is_some(),
        LinkAge::WorksUntil(until) => {
            dom::set_text("link-age", &fill("reset.works_until", &[("time", &local_time(until))]));
            dom::show("link-age", true);
            false
        }
    }
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
