//! Loads `www/config.json` once at page start, from the request the page started early.

use js_sys::{Array, Promise};
use reset_link_core::config::{check_config, Config, ConfigError, ConfigFile};
use wasm_bindgen::JsValue;

use crate::http;

/// Reads and checks the configuration from the page's early request for it.
pub async fn load(started: Promise) -> Result<Config, ConfigError> {
    let value = http::early_json(started, 15_000).await.ok_or(ConfigError::Unreadable)?;
    from_value(value)
}

/// Checks a configuration the browser parsed (config.json, or the npm package's argument).
pub fn from_value(value: JsValue) -> Result<Config, ConfigError> {
    // Only an object is a configuration: serde would also fill a struct from an array.
    if !value.is_object() || Array::is_array(&value) {
        return Err(ConfigError::Unreadable);
    }
    let file: ConfigFile = serde_wasm_bindgen::from_value(value).map_err(|_| ConfigError::Unreadable)?;
    check_config(file)
}
