//! The CustomMessage trigger's logic over `reset-link-core`: settings read once at start,
//! the handling of one event, and the log line it leaves. `main.rs` wraps it in the Lambda runtime.

pub mod brand;
pub mod bundle;
pub mod check;
pub mod handler;
pub mod log;
pub mod settings;
pub mod invariants;
pub mod words;
