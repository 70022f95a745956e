//! Cognito CustomMessage trigger: rewrites the ForgotPassword email into a reset link.
//! Settings come from the environment (see README); when they are unusable the problem is
//! logged once and every event is returned unchanged, so people still get Cognito's default
//! message instead of a failed request.

use std::io::Write;

use lambda_runtime::{run, service_fn, Error, LambdaEvent};
use reset_link_trigger::{handler, log, settings};
use serde_json::Value;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let settings = match settings::Settings::from_vars(|name| std::env::var(name).ok()) {
        Ok(settings) => Some(settings),
        Err(problem) => {
            eprintln!("reset-link-trigger: {problem}; leaving Cognito's default messages");
            None
        }
    };
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
