//! Loads `www/config.json` once at page start.

use reset_link_core::config::{Config, ConfigError, RawConfig};
use wasm_bindgen::JsValue;

/// Where the configuration lives, relative to the pages.
const CONFIG_PATH: &str = "www/config.json";

/// Loads and checks the configuration.
pub async fn load() -> Result<Config, ConfigError> {
    let response = gloo_net::http::Request::get(CONFIG_PATH)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| ConfigError::Unreadable)?;
    if !response.ok() {
        return Err(ConfigError::Unreadable);
    }
    let text = response.text().await.map_err(|_| ConfigError::Unreadable)?;
    let value = js_sys::JSON::parse(&text).map_err(|_| ConfigError::Unreadable)?;
    if !value.is_object() || js_sys::Array::is_array(&value) || value == JsValue::NULL {
        return Err(ConfigError::Unreadable);
    }
    let raw: RawConfig = serde_wasm_bindgen::from_value(value).map_err(|_| ConfigError::Unreadable)?;
    raw.validate()
}
