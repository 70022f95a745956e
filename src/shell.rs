//! The module's only way into the browser: the primitives of `www/shell.js` (elements by id,
//! storage, the address bar, fetch, timers), and the two calls by which the browser answers,
//! [`fire`] (an event) and [`arrive`] (a reply or a timer). Pages run as tasks of the small
//! executor here: a task waits on an [`Answer`], and every answer polls the waiting tasks.

use crate::prelude::*;
use alloc::boxed::Box;
use core::cell::{Cell, RefCell};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/shell.js")]
extern "C" {
    /// Sets the text of element `id` (as text, never as HTML).
    pub fn text(id: &str, words: &str);
    /// The value of input `id`.
    pub fn value(id: &str) -> String;
    /// Sets the value of input `id`.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(id: &str, words: &str);
    /// Moves the focus to `id`.
    pub fn focus(id: &str);
    /// Attribute `name` of `id`.
    pub fn attribute(id: &str, name: &str) -> Option<String>;
    /// Sets attribute `name` of `id`, or removes it (`None`).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(id: &str, name: &str, to: Option<&str>);
    /// Adds or removes class `name` on `id`.
    pub fn mark(id: &str, name: &str, on: bool);
    /// Appends a checklist line `id` with `words` and a hidden `state` to list `list`.
    #[wasm_bindgen(js_name = addLine)]
    pub fn add_line(list: &str, id: &str, words: &str, state: &str);
    /// Marks checklist line `id` as met or not, with its hidden `state` words.
    #[wasm_bindgen(js_name = setRule)]
    pub fn set_rule(id: &str, met: bool, state: &str);
    /// The keys of the elements marked `data-i18n`, one per line.
    pub fn marked() -> String;
    /// Sets the text of the elements marked `data-i18n="key"`.
    pub fn translate(key: &str, words: &str);
    /// Marks the page as wired (`<body data-ready>`).
    pub fn ready();
    /// Sets `<html lang dir>`.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(lang: &str, dir: &str);
    /// Calls [`fire`] with `handler` on every `event` of `id` (a submit never reloads).
    pub fn listen(id: &str, event: &str, handler: u32);
    /// `location.search`.
    pub fn query() -> String;
    /// `location.hash`.
    pub fn fragment() -> String;
    /// Removes the query and fragment from the address bar and this history entry.
    pub fn scrub();
    /// Goes to `to`.
    pub fn go(to: &str);
    /// The browser's preferred languages, one per line.
    pub fn languages() -> String;
    /// The entry `key` of sessionStorage (`session`) or localStorage.
    pub fn stored(session: bool, key: &str) -> Option<String>;
    /// Stores `to` under `key`, or removes it (`None`).
    pub fn keep(session: bool, key: &str, to: Option<&str>);
    /// Fills `bytes` from the browser's cryptographic random source.
    #[wasm_bindgen(js_name = randomFill)]
    pub fn random_fill(bytes: &mut [u8]);
    /// Milliseconds since 1970.
    pub fn now() -> f64;
    /// A number in [0, 1) for retry jitter (not for secrets).
    pub fn chance() -> f64;
    /// Fetches `url` (a POST to Cognito when `target` is given) and answers `token`.
    fn request(url: &str, target: Option<&str>, content_type: &str, body: &str, timeout_ms: u32, token: u32);
    /// Answers `token` after `ms` milliseconds.
    fn later(ms: u32, token: u32);
}

/// Status of an answer when no reply came (offline, blocked by the browser).
pub const NO_REPLY: u16 = 0;
/// Status of an answer when the reply did not come in time.
pub const TIMED_OUT: u16 = 1;

/// What the browser answered: a reply's status, body and `x-amzn-ErrorType`, or a timer.
pub struct Reply {
    /// HTTP status, or [`NO_REPLY`] / [`TIMED_OUT`].
    pub status: u16,
    /// The body.
    pub text: String,
    /// The `x-amzn-ErrorType` header.
    pub error_type: Option<String>,
}

/// Module state; the browser runs the module on one thread.
struct Local<T>(T);
// SAFETY: wasm32 in a page has one thread; nothing here is shared across threads.
unsafe impl<T> Sync for Local<T> {}

/// Where each token stands.
enum Slot {
    Free,
    Waiting(Option<Waker>),
    Arrived(Reply),
}

type Task = Pin<Box<dyn Future<Output = ()>>>;
type Handler = Box<dyn FnMut()>;

static SLOTS: Local<RefCell<Vec<Slot>>> = Local(RefCell::new(Vec::new()));
static HANDLERS: Local<RefCell<Vec<Handler>>> = Local(RefCell::new(Vec::new()));
static TASKS: Local<RefCell<Vec<Option<Task>>>> = Local(RefCell::new(Vec::new()));
static RUNNING: Local<Cell<bool>> = Local(Cell::new(false));
static AGAIN: Local<Cell<bool>> = Local(Cell::new(false));

/// The answer the browser will give to one request or timer.
pub struct Answer(u32);

impl Future for Answer {
    type Output = Reply;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Reply> {
        let mut slots = SLOTS.0.borrow_mut();
        let slot = &mut slots[self.0 as usize];
        match core::mem::replace(slot, Slot::Free) {
            Slot::Arrived(reply) => Poll::Ready(reply),
            _ => {
                *slot = Slot::Waiting(Some(cx.waker().clone()));
                Poll::Pending
            }
        }
    }
}

/// A free token, marked as waiting.
fn token() -> u32 {
    let mut slots = SLOTS.0.borrow_mut();
    let free = slots.iter().position(|slot| matches!(slot, Slot::Free)).unwrap_or(slots.len());
    if free == slots.len() {
        slots.push(Slot::Waiting(None));
    } else {
        slots[free] = Slot::Waiting(None);
    }
    free as u32
}

/// Fetches `url` within `timeout_ms`: a POST of `body` to Cognito operation `target`, or a GET.
pub fn fetch(url: &str, target: Option<&str>, content_type: &str, body: &str, timeout_ms: u32) -> Answer {
    let token = token();
    request(url, target, content_type, body, timeout_ms, token);
    Answer(token)
}

/// Waits `ms` milliseconds.
pub fn sleep(ms: u32) -> Answer {
    let token = token();
    later(ms, token);
    Answer(token)
}

/// The browser's answer to `token`: wakes what waits on it.
#[wasm_bindgen(skip_typescript)]
pub fn arrive(token: u32, status: u16, text: String, error_type: Option<String>) {
    let waker = {
        let mut slots = SLOTS.0.borrow_mut();
        let Some(slot) = slots.get_mut(token as usize) else { return };
        match core::mem::replace(slot, Slot::Arrived(Reply { status, text, error_type })) {
            Slot::Waiting(waker) => waker,
            _ => None,
        }
    };
    if let Some(waker) = waker {
        waker.wake();
    }
    run_tasks();
}

/// Runs `handler` on every `event` of element `id`, for the life of the page.
pub fn on(id: &str, event: &str, handler: impl FnMut() + 'static) {
    let mut handlers = HANDLERS.0.borrow_mut();
    handlers.push(Box::new(handler));
    listen(id, event, handlers.len() as u32 - 1);
}

/// An event for `handler` happened.
#[wasm_bindgen(skip_typescript)]
pub fn fire(handler: u32) {
    let taken = HANDLERS.0.borrow_mut().get_mut(handler as usize).map(|h| core::mem::replace(h, Box::new(|| ())));
    if let Some(mut run) = taken {
        run();
        HANDLERS.0.borrow_mut()[handler as usize] = run;
    }
    run_tasks();
}

/// Starts `task`; it runs until it first waits.
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    TASKS.0.borrow_mut().push(Some(Box::pin(task)));
    run_tasks();
}

/// Polls every task until none can move (each polls again after an answer it waits on).
fn run_tasks() {
    if RUNNING.0.replace(true) {
        AGAIN.0.set(true);
        return;
    }
    let mut context = Context::from_waker(Waker::noop());
    loop {
        AGAIN.0.set(false);
        let mut index = 0;
        loop {
            let next = TASKS.0.borrow_mut().get_mut(index).map(Option::take);
            let Some(task) = next else { break };
            if let Some(mut task) = task {
                if task.as_mut().poll(&mut context).is_pending() {
                    TASKS.0.borrow_mut()[index] = Some(task);
                }
            }
            index += 1;
        }
        TASKS.0.borrow_mut().retain(Option::is_some);
        if !AGAIN.0.get() {
            break;
        }
    }
    RUNNING.0.set(false);
}
