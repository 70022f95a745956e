//! The CustomMessage trigger's logic over `reset-link-core`: settings read once at start, and
//! the handling of one event. `main.rs` wraps it in the Lambda runtime.

pub mod brand;
pub mod bundle;
pub mod check;
pub mod handler;
pub mod settings;
pub mod invariants;
pub mod words;
