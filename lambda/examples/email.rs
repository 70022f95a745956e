//! Prints the email the trigger writes for one kind of message, in one language, with a
//! sample code filled in as Cognito would: `cargo run -p reset-link-trigger --example email --
//! reset en`. Settings come from the environment as in production (RESET_PAGE_URL defaults to
//! an example address), so `npm run screenshots` renders exactly what people receive.

use reset_link_trigger::handler::handle;
use reset_link_trigger::settings::Settings;
use serde_json::json;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "reset".into());
    let language = args.next().unwrap_or_else(|| "en".into());
    let source = match kind.as_str() {
        "signup" => "CustomMessage_SignUp",
        "invitation" => "CustomMessage_AdminCreateUser",
        "address" => "CustomMessage_UpdateUserAttribute",
        _ => "CustomMessage_ForgotPassword",
    };
    let settings = Settings::from_vars(|name| {
        std::env::var(name).ok().or_else(|| (name == "RESET_PAGE_URL").then(|| "https://reset.example.com/reset-password.html".into()))
    })
    .unwrap_or_else(|problem| panic!("settings: {problem}"));
    let event = json!({
        "version": "1", "triggerSource": source, "region": "eu-west-1", "userPoolId": "eu-west-1_Example",
        "userName": "3f2a6c1e-9b7d-4c2a-8e51-6d0f1b2a7c90",
        "request": { "userAttributes": { "email": "jane@example.com" }, "codeParameter": "{####}",
            "usernameParameter": "{username}", "clientMetadata": { "lang": language } },
        "response": {}
    });
    let (reply, _) = handle(Some(&settings), event, 1_764_860_000);
    let html = reply["response"]["emailMessage"].as_str().unwrap_or("(Cognito's default message)");
    print!("{}", html.replace("{####}", "493702").replace("{username}", "jane@example.com"));
}
