//! Loads `www/config.json` once at page start.

use reset_link_core::config::{parse_config, Config, ConfigError};

use crate::http;

/// Where the configuration lives, relative to the pages.
const CONFIG_PATH: &str = "www/config.json";

/// Loads and checks the configuration.
pub async fn load() -> Result<Config, ConfigError> {
    match http::fetch_file(CONFIG_PATH, 15_000).await {
        Some(text) => parse_config(&text),
        None => Err(ConfigError::Unreadable),
    }
}
