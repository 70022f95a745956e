//! Replays every input the fuzzers keep (`fuzz/corpus/<target>/`, seeds included) and every
//! crash they ever found (`fuzz/regressions/<target>/`) through the same checks, as plain tests.

use std::path::Path;

use reset_link_trigger::invariants;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("fuzz");
    let mut seen = 0;
    for folder in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else { continue };
        for entry in entries.flatten() {
            check(&std::fs::read(entry.path()).unwrap());
            seen += 1;
        }
    }
    assert!(seen > 0, "fuzz/corpus/{target} holds seed inputs");
}

#[test]
fn link_inputs() {
    replay("link", invariants::link);
}

#[test]
fn config_inputs() {
    replay("config", invariants::config);
}

#[test]
fn reply_inputs() {
    replay("reply", invariants::reply);
}

#[test]
fn trigger_event_inputs() {
    replay("trigger_event", invariants::trigger_event);
}

#[test]
fn template_inputs() {
    replay("template", invariants::template);
}
