//! The pending sign-in in this origin's localStorage (core's `PendingSignIn`): kept from the
//! request for a link until it is used or expires, and read by the tab the link opens. A
//! finished sign-in is announced to the tab that asked through the `storage` event.

use reset_link_core::sign_in_link::{pending_key, PendingSignIn, SIGNED_IN_MARK};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

/// This origin's localStorage.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The device's clock, in Unix seconds (core judges the pending sign-in by it: the same clock
/// wrote `asked_at`).
pub fn now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The pending sign-in for app client `client_id`, when one is stored and readable.
pub fn read(client_id: &str) -> Option<PendingSignIn> {
    let text = storage()?.get_item(&pending_key(client_id)).ok().flatten()?;
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(&text).ok()?).ok()
}

/// Keeps `pending` for app client `client_id`, replacing any earlier one.
pub fn save(client_id: &str, pending: &PendingSignIn) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(value) = serde::Serialize::serialize(pending, &serializer) else { return };
    let Some(text) = js_sys::JSON::stringify(&value).ok().and_then(|text| text.as_string()) else { return };
    if let Some(storage) = storage() {
        let _ = storage.set_item(&pending_key(client_id), &text);
    }
}

/// Removes the pending sign-in (spent, expired or refused).
pub fn forget(client_id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&pending_key(client_id));
    }
}

/// Removes the pending sign-in after it signed the person in, first writing the mark the
/// tab that asked is waiting for (other tabs see each change in their `storage` event).
pub fn finish(client_id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&pending_key(client_id), SIGNED_IN_MARK);
        let _ = storage.remove_item(&pending_key(client_id));
    }
}

/// Runs `handler` once another tab of this origin has finished the sign-in (see [`finish`]).
pub fn on_finished_elsewhere(client_id: &str, mut handler: impl FnMut() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let key = pending_key(client_id);
    let listener = Closure::<dyn FnMut(StorageEvent)>::new(move |event: StorageEvent| {
        if event.key().as_deref() == Some(key.as_str()) && event.new_value().as_deref() == Some(SIGNED_IN_MARK) {
            handler();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}
