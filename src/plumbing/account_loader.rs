//! Loading the account module (`www/pkg/account.js`: the calls that change an account and
//! the sign-in) from a page's form module. The page starts the load as soon as its form
//! works, so the person's typing covers it; a failed load (offline) is tried again when the
//! person submits.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The account module as its loader's promise, and the loader.
pub struct AccountLoader {
    /// Resolves to the module, or to null when it could not load.
    loading: RefCell<Promise>,
    /// Loads the module (`www/boot.js` passes it in).
    load: Function,
}

impl AccountLoader {
    /// Starts loading at once.
    pub fn start(load: Function) -> Self {
        AccountLoader { loading: RefCell::new(call(&load)), load }
    }

    /// The module, loading it again after a failure; `None` when it cannot load. Each page
    /// casts it to the functions it calls.
    pub async fn get<T: JsCast>(&self) -> Option<T> {
        let loading = self.loading.borrow().clone();
        let module = JsFuture::from(loading).await.ok().filter(JsValue::is_object);
        if module.is_none() {
            *self.loading.borrow_mut() = call(&self.load);
        }
        Some(module?.unchecked_into())
    }
}

/// Calls the loader.
fn call(load: &Function) -> Promise {
    load.call0(&JsValue::NULL).ok().map(Promise::from).unwrap_or_else(|| Promise::resolve(&JsValue::NULL))
}
