// The browser primitives the Rust module drives (src/shell.rs): elements by id, storage, the
// address bar, fetch and timers. Nothing here decides anything; each function does one DOM or
// network step and reports back through the module's `fire` (an event) and `arrive` (a reply
// or a timer). Text reaches the page only through textContent.
// 'page-module' is the page's wasm-bindgen glue (an esbuild alias in the pages' build;
// scripts/shell-import.mjs points the npm package's and the benchmark's copies at their glue).
import { arrive, fire } from 'page-module';

const byId = (id) => document.getElementById(id);

export const text = (id, words) => { byId(id).textContent = words; };
export const value = (id) => byId(id).value;
export const setValue = (id, words) => { byId(id).value = words; };
export const focus = (id) => byId(id).focus();
export const attribute = (id, name) => byId(id).getAttribute(name);
/** Sets attribute `name` of `id`; `undefined` removes it. */
export const setAttribute = (id, name, to) => (to === undefined ? byId(id).removeAttribute(name) : byId(id).setAttribute(name, to));
export const mark = (id, name, on) => byId(id).classList.toggle(name, on);
/** Adds `<li id><span class=visually-hidden>` to list `id`: a line of the password checklist. */
export function addLine(list, id, words, state) {
  const line = document.createElement('li');
  const hidden = document.createElement('span');
  line.id = id;
  line.textContent = words;
  hidden.className = 'visually-hidden';
  hidden.textContent = state;
  line.append(hidden);
  byId(list).append(line);
}
/** Marks checklist line `id` as met or not, with its hidden `state` words. */
export function setRule(id, met, state) {
  byId(id).classList.toggle('met', met);
  byId(id).lastElementChild.textContent = state;
}
/** The keys of the elements marked `data-i18n`, one per line. */
export const marked = () => [...document.querySelectorAll('[data-i18n]')].map((e) => e.dataset.i18n).join('\n');
/** Sets the text of every element marked `data-i18n="key"`. */
export function translate(key, words) {
  for (const e of document.querySelectorAll('[data-i18n]')) if (e.dataset.i18n === key) e.textContent = words;
}
/** Marks the page as wired (`<body data-ready>`), for tests and styles. */
export const ready = () => { document.body.dataset.ready = ''; };
/** Sets `<html lang dir>`. */
export function setLanguage(lang, dir) {
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
}

/** Calls `fire(handler)` on every `event` of `id`; a form's submit never reloads the page. */
export function listen(id, event, handler) {
  byId(id).addEventListener(event, (e) => {
    if (event === 'submit') e.preventDefault();
    fire(handler);
  });
}

export const query = () => location.search;
export const fragment = () => location.hash;
/** Removes query and fragment from the address bar and this history entry. */
export const scrub = () => history.replaceState(null, '', location.pathname);
export const go = (to) => location.assign(to);
export const languages = () => navigator.languages.join('\n');

const store = (session) => (session ? sessionStorage : localStorage);
export function stored(session, key) {
  try { return store(session).getItem(key); } catch { return null; }
}
/** Stores `to` under `key`; `undefined` removes it. Storage may be off: then nothing is kept. */
export function keep(session, key, to) {
  try { if (to === undefined) store(session).removeItem(key); else store(session).setItem(key, to); } catch { /* not kept */ }
}

export const randomFill = (bytes) => { crypto.getRandomValues(bytes); };
export const now = () => Date.now();
export const chance = () => Math.random();

/** `arrive(token, 0, '')` after `ms` milliseconds. */
export const later = (ms, token) => setTimeout(() => arrive(token, 0, ''), ms);

/** GETs started before the module runs (see `prefetch`), by address. */
const early = new Map();

/**
 * Starts the GET of `url` now, while the module loads, so the first `request` for it does not
 * wait one more round trip (the pages' config.json: www/boot.js).
 */
export function prefetch(url) {
  const started = fetch(url, { cache: 'no-store' });
  started.catch(() => {}); // a failure is reported by the request that takes it over
  early.set(url, started);
}

/**
 * Fetches `url` and reports `arrive(token, status, body, x-amzn-ErrorType)` once: a POST of
 * `body` (`type`) to the Cognito operation `target` when given, else a GET; never from the
 * cache. Status 0: no reply (offline, blocked); status 1: no whole reply within `timeout` ms.
 */
export function request(url, target, type, body, timeout, token) {
  const abort = new AbortController();
  let done = false;
  const report = (status, words, kind) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    arrive(token, status, words, kind);
  };
  const timer = setTimeout(() => { abort.abort(); report(1, ''); }, timeout);
  const started = target === undefined ? early.get(url) : undefined;
  early.delete(url);
  const init = target === undefined ? { cache: 'no-store', signal: abort.signal } : {
    method: 'POST',
    body,
    cache: 'no-store',
    signal: abort.signal,
    headers: { 'Content-Type': type, 'X-Amz-Target': target, 'Cache-Control': 'no-store' },
  };
  (started ?? fetch(url, init))
    .then((reply) => reply.text().then((words) => report(reply.status, words, reply.headers.get('x-amzn-ErrorType') ?? undefined)))
    .catch(() => report(0, ''));
}
