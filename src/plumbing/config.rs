//! Loads `www/config.json` once at page start, from the request the page started early.

use js_sys::{Array, Promise};
use reset_link_core::config::{check_config, read_config_file, Address, Config, ConfigError};
use wasm_bindgen::JsValue;

use crate::plumbing::http;

/// Reads and checks the configuration from the page's early request for it (a promise of
/// the parsed file, or null; see www/boot.js).
pub async fn load(started: Promise) -> Result<Config, ConfigError> {
    Ok(load_raw(started).await?.0)
}

/// [`load`], with the configuration as the browser parsed it (for another module).
pub async fn load_raw(started: Promise) -> Result<(Config, JsValue), ConfigError> {
    let value = http::settled(started, 15_000).await.ok_or(ConfigError::Unreadable)?;
    Ok((from_value(value.clone())?, value))
}

/// Checks a configuration the browser parsed (config.json, or the npm package's argument).
pub fn from_value(value: JsValue) -> Result<Config, ConfigError> {
    // Only an object is a configuration: serde would also fill a struct from an array.
    if !value.is_object() || Array::is_array(&value) {
        return Err(ConfigError::Unreadable);
    }
    let value_of = |key: &str| serde_wasm_bindgen::Deserializer::from(js_sys::Reflect::get(&value, &key.into()).unwrap_or(JsValue::NULL));
    check_config(read_config_file(serde_wasm_bindgen::Deserializer::from(value.clone()), value_of)?, browser_parser)
}

/// The browser's `URL` reading of an absolute address: the parser that decides where the
/// browser actually goes.
fn browser_parser(address: &str) -> Option<Address> {
    let url = web_sys::Url::new(address).ok()?;
    Some(Address {
        scheme: url.protocol().trim_end_matches(':').to_string(),
        host: url.hostname(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
    })
}
