//! Cognito CustomMessage trigger: rewrites the ForgotPassword email into a reset link.
//! Settings come from the environment (see README); when they are unusable the problem is
//! logged once and every event is returned unchanged, so people still get Cognito's default
//! message instead of a failed request. A brand part the email cannot use is logged by name
//! and left out; the rest is kept.
//!
//! A team's template and reworded sentences come from files in the zip (`EMAIL_TEMPLATE_FILE`,
//! `EMAIL_WORDS_FILE`), as the environment holds 4 KB in all; one that cannot be read is said
//! at start. `reset-link-trigger --check-settings` (run natively, with the environment and
//! files the function will get) prints what the trigger would make of its settings as JSON and exits 1 unless every
//! setting is used as given, so a deploy can refuse before anything is created.

use std::io::Write;

use lambda_runtime::{run, service_fn, Error, LambdaEvent};
use reset_link_trigger::check::SettingsReport;
use reset_link_trigger::{handler, log};
use serde_json::Value;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let report = SettingsReport::read(&|name| std::env::var(name).ok(), &|path| std::fs::read_to_string(path));
    if std::env::args().nth(1).as_deref() == Some("--check-settings") {
        println!("{}", report.to_json());
        std::process::exit(if report.is_clean() { 0 } else { 1 });
    }
    for line in report.lines() {
        eprintln!("reset-link-trigger: {line}");
    }
    let settings = report.settings.ok();
    let settings = &settings;
    run(service_fn(move |event: LambdaEvent<Value>| async move {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
        let source = log::source_of(&event.payload).to_owned();
        let (reply, outcome) = handler::handle(settings.as_ref(), event.payload, now);
        // One write per line, so the line stays one log event; and never a panic (as
        // `eprintln!` would on a closed stderr) over a log line.
        let _ = std::io::stderr().write_all(format!("{}\n", log::line(&source, outcome)).as_bytes());
        Ok::<Value, Error>(reply)
    }))
    .await
}
