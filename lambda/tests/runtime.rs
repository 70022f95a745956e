//! Starts the built trigger binary against a small fake Lambda Runtime API on 127.0.0.1 and
//! checks what it answers, as the Lambda service would see it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the trigger when the test ends, whatever happens.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP request: method, path and body.
fn read_request(stream: &mut TcpStream) -> (String, String, String) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        if header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (method, path, String::from_utf8(body).unwrap())
}

fn respond(stream: &mut TcpStream, headers: &[(&str, &str)], body: &str) {
    // One request per connection: without `Connection: close` the runtime's client may send
    // its next call on this connection, which the test has already dropped.
    let mut reply = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        reply.push_str(&format!("{name}: {value}\r\n"));
    }
    reply.push_str("\r\n");
    reply.push_str(body);
    stream.write_all(reply.as_bytes()).unwrap();
}

/// Accepts the next connection, failing the test at `deadline`.
fn accept(listener: &TcpListener, deadline: Instant) -> TcpStream {
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                stream.set_nonblocking(false).unwrap();
                return stream;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                assert!(Instant::now() < deadline, "the trigger did not call the Runtime API in time");
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => panic!("accept failed: {e}"),
        }
    }
}

/// Runs the binary with `env`, hands it `event`, and returns its response body.
fn invoke(env: &[(&str, &str)], event: &str) -> serde_json::Value {
    invoke_logged(env, event).0
}

/// As `invoke`, with what the binary wrote to stderr (its log) by the time it answered.
fn invoke_logged(env: &[(&str, &str)], event: &str) -> (serde_json::Value, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let mut command = Command::new(env!("CARGO_BIN_EXE_reset-link-trigger"));
    command
        .env_clear()
        .env("AWS_LAMBDA_RUNTIME_API", &address)
        .env("AWS_LAMBDA_FUNCTION_NAME", "reset-link-trigger")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "test")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "test")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut running = Running(command.spawn().expect("the trigger binary starts"));
    // Read on a thread, so a full pipe never blocks the trigger; it ends when the trigger does.
    let mut stderr = running.0.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let far = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() + 60_000).to_string();
    loop {
        let mut stream = accept(&listener, deadline);
        let (method, path, body) = read_request(&mut stream);
        if method == "GET" && path.ends_with("/runtime/invocation/next") {
            respond(&mut stream, &[
                ("Lambda-Runtime-Aws-Request-Id", "req-1"),
                ("Lambda-Runtime-Deadline-Ms", &far),
                ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:reset-link-trigger"),
                ("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000"),
            ], event);
        } else if method == "POST" && path.ends_with("/runtime/invocation/req-1/response") {
            respond(&mut stream, &[], "{}");
            // The line is written before the answer is posted, so it is all there now.
            drop(running);
            return (serde_json::from_str(&body).unwrap(), log.join().unwrap());
        } else {
            respond(&mut stream, &[], "{}");
            panic!("unexpected call {method} {path}: {body}");
        }
    }
}

const EVENT: &str = include_str!("fixtures/custom-message-forgot-password.json");

#[test]
fn the_binary_answers_with_the_reset_link() {
    let reply = invoke(&[("RESET_PAGE_URL", "https://example.com/reset-password.html")], EVENT);
    let html = reply["response"]["emailMessage"].as_str().expect("an email body");
    assert!(html.contains(
        "https://example.com/reset-password.html#confirmation_code={####}&amp;user_name=3f2a6c1e-9b7d-4c2a-8e51-6d0f1b2a7c90&amp;email=jane%2Btest%40example.com"
    ));
    assert_eq!(reply["response"]["emailSubject"], "Reset your password");
}

#[test]
fn without_settings_the_binary_leaves_cognitos_default() {
    let reply = invoke(&[], EVENT);
    let original: serde_json::Value = serde_json::from_str(EVENT).unwrap();
    assert_eq!(reply, original);
}

/// The lines the trigger writes for the fixture events, one per event: the metric filter's
/// test (tests/deploy/operations.test.mjs) matches its pattern against these same lines.
const LOG_LINES: &str = include_str!("log-lines.jsonl");

#[test]
fn each_event_logs_one_line_with_source_and_outcome_and_nothing_of_the_person() {
    let signup = include_str!("fixtures/custom-message-signup.json");
    let with = |event: &str, pointer: &str, value: &str| {
        let mut event: serde_json::Value = serde_json::from_str(event).unwrap();
        *event.pointer_mut(pointer).unwrap() = value.into();
        event.to_string()
    };
    let page = [("RESET_PAGE_URL", "https://example.com/reset-password.html")];
    let cases: [(&[(&str, &str)], String); 5] = [
        (&page, EVENT.to_string()),
        (&page, signup.to_string()),
        (&[], EVENT.to_string()),
        // A control character, which Cognito refuses in a message, in the address the email shows.
        (&page, with(signup, "/request/userAttributes/email", "obrien\u{7}@example.com")),
        (&page, with(signup, "/triggerSource", "CustomMessage_Authentication")),
    ];
    let mut lines = Vec::new();
    for (env, event) in &cases {
        let (_, log) = invoke_logged(env, event);
        let logged: Vec<&str> = log.lines().filter(|l| l.contains(r#""trigger":"reset-link""#)).collect();
        assert_eq!(logged.len(), 1, "one line per event: {log}");
        let line = logged[0];
        let parsed: serde_json::Value = serde_json::from_str(line).expect("the line is JSON");
        assert!(parsed["source"].is_string() && parsed["outcome"].is_string(), "{line}");
        for event in [EVENT, signup] {
            let event: serde_json::Value = serde_json::from_str(event).unwrap();
            let attributes = &event["request"]["userAttributes"];
            let personal = [&event["userName"], &event["request"]["codeParameter"], &attributes["email"], &attributes["sub"], &attributes["phone_number"]];
            for secret in personal.into_iter().filter_map(serde_json::Value::as_str) {
                assert!(!log.contains(secret), "{secret} is in the log: {log}");
            }
        }
        assert!(!log.contains("http") && !log.contains(".html") && !log.contains('@'), "no link or address in the log: {log}");
        lines.push(line.to_string());
    }
    assert_eq!(lines, LOG_LINES.lines().collect::<Vec<_>>());
}
