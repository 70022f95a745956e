//! Loads `www/config.json` once at page start.

use reset_link_core::config::{parse_config, Config, ConfigError};
use web_sys::{RequestCache, RequestInit};

use crate::http;

/// Where the configuration lives, relative to the pages.
const CONFIG_PATH: &str = "www/config.json";

/// Loads and checks the configuration.
pub async fn load() -> Result<Config, ConfigError> {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoStore);
    match http::fetch_text(CONFIG_PATH, &init, 15_000).await {
        Ok((200, text, _)) => parse_config(&text),
        _ => Err(ConfigError::Unreadable),
    }
}
