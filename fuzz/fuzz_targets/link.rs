//! Fuzzes `invariants::link`: see lambda/src/invariants.rs for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reset_link_trigger::invariants::link(data));
