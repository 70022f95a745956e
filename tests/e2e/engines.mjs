// One way to drive a page in each browser engine people open emailed links in: Chromium
// (playwright-core), Firefox (puppeteer-core over WebDriver BiDi) and WebKit (WebKitGTK's
// WebDriver on a virtual X display, or Safari's own on macOS, spoken to with fetch; the
// browsers are found by scripts/browsers.mjs). A test is written once against
// `EnginePage` and runs in each. Pages are driven from outside only: real typing and clicks,
// and reading the DOM.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { browserPath, webKit } from '../../scripts/browsers.mjs';

/** The engines, by the name tests use. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** How W3C WebDriver names an element reference in its answers. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const WAIT_MS = 20_000;
/** How long a new WebKit session may take: MiniBrowser starts in a few seconds. */
const SESSION_MS = 60_000;

/** Resolves after `ms`. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` (async, truthy when done) until it passes; fails after WAIT_MS with `what`.
 * Used between steps of a test, never while a page is being measured.
 */
export async function until(check, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A page in one engine. `evaluate(fn, ...args)` runs `fn` (a function, sent as its source)
 * in the page and returns its JSON-able result.
 */
class EnginePage {
  /** Waits until `fn(...args)` is truthy in the page; returns its value. */
  async waitFor(fn, ...args) {
    return until(() => this.evaluate(fn, ...args), `${fn} in ${this.engine}`);
  }

  /** Waits until the module has wired the page (`<body data-ready>`). */
  async ready() {
    await this.waitFor(() => document.body.hasAttribute('data-ready'));
  }

  /** The text of the first element matching `selector`. */
  async text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** Whether the element matching `selector` is shown (not hidden by itself or a parent). */
  async visible(selector) {
    return this.evaluate((s) => {
      const element = document.querySelector(s);
      return Boolean(element && element.getClientRects().length > 0);
    }, selector);
  }
}

/** Chromium through playwright-core. */
class ChromiumPage extends EnginePage {
  constructor(context, page) {
    super();
    Object.assign(this, { engine: 'chromium', context, page });
  }
  goto(url) { return this.page.goto(url); }
  url() { return this.page.url(); }
  evaluate(fn, ...args) { return this.page.evaluate(`(${fn})(...${JSON.stringify(args)})`); }
  fill(selector, text) { return this.page.fill(selector, text); }
  click(selector) { return this.page.click(selector); }
  close() { return this.context.close(); }
}

/** Firefox through puppeteer-core over WebDriver BiDi. */
class FirefoxPage extends EnginePage {
  constructor(context, page) {
    super();
    Object.assign(this, { engine: 'firefox', context, page });
  }
  goto(url) { return this.page.goto(url); }
  url() { return this.page.url(); }
  evaluate(fn, ...args) { return this.page.evaluate(`(${fn})(...${JSON.stringify(args)})`); }
  fill(selector, text) { return this.page.locator(selector).fill(text); }
  click(selector) { return this.page.click(selector); }
  close() { return this.context.close(); }
}

/** WebKitGTK's MiniBrowser through W3C WebDriver: one session (one browser) per page. */
class WebKitPage extends EnginePage {
  constructor(driver, session) {
    super();
    Object.assign(this, { engine: 'webkit', driver, session });
  }
  async call(method, path, body) {
    const response = await fetch(`${this.driver}/session/${this.session}${path}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${answer.value?.message ?? response.status}`);
    return answer.value;
  }
  async element(selector) {
    const found = await until(() => this.call('POST', '/element', { using: 'css selector', value: selector }), selector);
    return found[ELEMENT];
  }
  goto(url) { return this.call('POST', '/url', { url }); }
  url() { return this.call('GET', '/url'); }
  evaluate(fn, ...args) { return this.call('POST', '/execute/sync', { script: `return (${fn})(...arguments)`, args }); }
  async fill(selector, text) {
    const element = await this.element(selector);
    await this.call('POST', `/element/${element}/clear`, {});
    await this.call('POST', `/element/${element}/value`, { text });
  }
  async click(selector) {
    await this.call('POST', `/element/${await this.element(selector)}/click`, {});
  }
  async close() {
    await fetch(`${this.driver}/session/${this.session}`, { method: 'DELETE' });
  }
}

/** Starts `command` and stops it with `stop()`. */
function background(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
  return () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
}

/**
 * Launches `engine`; resolves to `{ version, newPage(), close() }`. `display` and `port`
 * are the X display and WebDriver port WebKit uses (one pair per test file).
 */
export async function launch(engine, { display = 99, port = 4444 } = {}) {
  if (engine === 'chromium') {
    const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS });
    return {
      version: `Chromium ${browser.version()}`,
      newPage: async () => {
        const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
        return new ChromiumPage(context, await context.newPage());
      },
      close: () => browser.close(),
    };
  }
  if (engine === 'firefox') {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: browserPath('firefox'), headless: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'reset-link-firefox-')) });
    return {
      version: (await browser.version()).replace(/^firefox\//i, 'Firefox '),
      newPage: async () => {
        const context = await browser.createBrowserContext();
        return new FirefoxPage(context, await context.newPage());
      },
      close: () => browser.close(),
    };
  }
  const webkit = webKit();
  // WebKitGTK's MiniBrowser has no headless mode: it runs on a virtual X display. Safari's
  // driver (macOS) opens Safari itself.
  const gtk = webkit.kind === 'webkitgtk';
  const stopX = gtk ? background(webkit.xvfb, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']) : () => {};
  const driver = `http://127.0.0.1:${port}`;
  const startDriver = async () => {
    const args = gtk ? [`--port=${port}`, '--host=127.0.0.1'] : ['--port', String(port)];
    const stop = background(webkit.driver, args, gtk ? { DISPLAY: `:${display}` } : {});
    await until(() => fetch(`${driver}/status`).then((r) => r.ok), 'the WebKit WebDriver to start');
    return stop;
  };
  let stopDriver = await startDriver();
  const askForSession = () => fetch(`${driver}/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(SESSION_MS),
    body: JSON.stringify({ capabilities: { alwaysMatch: gtk
      ? { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: webkit.binary, args: ['--automation'] } }
      : { browserName: 'safari' } } }),
  });
  const name = gtk ? 'WebKitGTK' : 'Safari';
  let version = name;
  return {
    get version() { return version; },
    newPage: async () => {
      let response;
      try {
        response = await askForSession();
      } catch (error) {
        if (error.name !== 'TimeoutError') throw error;
        // A MiniBrowser that never came up leaves the driver stuck on this request: the
        // driver is started afresh and asked once more.
        stopDriver();
        await until(() => fetch(`${driver}/status`).then(() => false, () => true), 'the stuck WebKitWebDriver to stop');
        stopDriver = await startDriver();
        response = await askForSession();
      }
      const { value } = await response.json();
      if (!value?.sessionId) throw new Error(`The WebKit WebDriver gave no session: ${JSON.stringify(value)}`);
      version = `${name} ${value.capabilities.browserVersion}`;
      return new WebKitPage(driver, value.sessionId);
    },
    close: async () => {
      stopDriver();
      stopX();
    },
  };
}
