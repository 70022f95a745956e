// Shared set-up for the browser tests: the real local stack, Debian's Chromium driven by
// playwright-core, and a page that records every CSP violation and script error.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startStack, cognito } from '../../scripts/local.mjs';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/paths.mjs';
import { browserPath } from '../../scripts/browsers.mjs';

export { cognito };

const { CognitoUserPool } = createRequire(import.meta.url)('amazon-cognito-identity-js');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the stack on ports from `base` (`options` go to startStack) and a browser;
 * `close()` stops both. */
export async function setUp(name, base, options = {}) {
  const onOutput = process.env.STACK_LOG ? (line, source) => console.error(`[${source}] ${line}`) : undefined;
  const stack = await startStack({ name, cognitoPort: base, lambdaPort: base + 1, pagePort: base + 2, signInPort: base + 3, onOutput, ...options });
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS });
  return {
    stack,
    browser,
    close: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}

/** Opens a fresh page; `problems` collects CSP violations, console errors and page errors. */
export async function openPage(browser, url, { viewport = { width: 390, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { page, context, problems };
}

/** Asks for a reset link on the forgot page for `email`; returns the link the email carried. */
export async function requestLink(browser, stack, email) {
  const { page, context, problems } = await openPage(browser, `${stack.pageOrigin}/index.html`);
  const mark = stack.output().length;
  await page.fill('#username', email);
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  const status = await page.textContent('#status');
  const link = await stack.nextLink(mark);
  await context.close();
  return { link, status, problems };
}

/** Signs in with USER_PASSWORD_AUTH; resolves to true when Cognito issued tokens. */
export async function canSignIn(stack, email, password) {
  const reply = await cognito(stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return Boolean(reply.AuthenticationResult?.IdToken);
}

/**
 * Serves only the pages, with a config whose Cognito endpoint nothing listens on: tests
 * answer its requests with Playwright routing. `config` overrides keys of the default.
 */
export async function setUpPages(name, port, config = {}) {
  const dir = join(ROOT, '.run', name);
  mkdirSync(dir, { recursive: true });
  const endpoint = `http://127.0.0.1:${port + 1}/`;
  const configFile = join(dir, 'config.json');
  const fullConfig = {
    region: 'local', clientId: 'testclient', endpoint, signInUrl: '/index.html', signIn: 'none',
    requestTimeoutSeconds: 2, resendCooldownSeconds: 3, ...config,
  };
  writeFileSync(configFile, JSON.stringify(fullConfig));
  const server = await serve({ root: ROOT, port, configFile, cognitoEndpoint: endpoint, demo: true });
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS });
  return {
    origin: `http://127.0.0.1:${port}`,
    endpoint,
    browser,
    /** Replaces the served config. */
    setConfig: (text) => writeFileSync(configFile, text),
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Answers the page's Cognito calls with `answer(request, n)` (n counts from 1), which
 * returns `{status, body, cors}`, `'abort'` or `'hang'`. Returns the list of X-Amz-Target
 * headers seen; its `maxInFlight` tells whether two calls ever overlapped, and `referers`
 * what Referer headers they carried.
 */
export async function answerCognito(page, endpoint, answer) {
  const seen = [];
  seen.maxInFlight = 0;
  seen.referers = [];
  let inFlight = 0;
  const isCognito = (request) => request.url().startsWith(endpoint) && request.method() === 'POST';
  const done = (request) => { if (isCognito(request)) inFlight -= 1; };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.route((url) => url.href.startsWith(endpoint), async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.fallback();
    inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
    seen.push(request.headers()['x-amz-target']);
    seen.referers.push(request.headers().referer ?? null);
    const reply = await answer(request, seen.length);
    if (reply === 'hang') return;
    if (reply === 'abort') return route.abort('connectionreset');
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    const cors = reply.cors === false ? {} : { 'Access-Control-Allow-Origin': '*' };
    await route.fulfill({ status: reply.status ?? 200, headers: { 'Content-Type': reply.contentType ?? 'application/x-amz-json-1.1', ...cors }, body });
  });
  return seen;
}

/** A Cognito error reply. */
export const cognitoError = (type, status = 400) => ({ status, body: { __type: type, message: `raw ${type} message` } });

/** The words for a busy service, and for no connection. */
export const BUSY = /busy right now/;
export const OFFLINE = /couldn't reach the server/;
/** Every way a Cognito request can fail, for the fault matrices: name, the reply (or
 * 'abort', 'hang'), the words the person reads, and the requests one press makes (transient
 * faults are retried in sequence, others not at all). */
export const FAULTS = [
  ['500 InternalError', () => cognitoError('InternalErrorException', 500), BUSY, 4],
  ['503 without a body', () => ({ status: 503, body: '' }), BUSY, 4],
  ['TooManyRequests', () => cognitoError('TooManyRequestsException'), BUSY, 4],
  ['LimitExceeded', () => cognitoError('LimitExceededException'), /wait 15 minutes/, 1],
  ['a proxy error page (not JSON)', () => ({ status: 502, contentType: 'text/html', body: '<html><h1>502 Bad Gateway</h1></html>' }), BUSY, 4],
  ['malformed JSON with 200', () => ({ status: 200, body: '{"CodeDeliveryDetails": ' }), BUSY, 1],
  ['a connection reset', () => 'abort', OFFLINE, 4],
  ['a request that never answers', () => 'hang', BUSY, 4],
];

/** After a press that met a fault: the person reads `words` (no raw error), what they typed
 * is still there (`kept`), and `tries` requests went out, one at a time. */
export async function assertFaultExplained(page, calls, words, tries, kept) {
  await page.waitForSelector('#status.error');
  assert.match(await page.textContent('#status'), words);
  assert.doesNotMatch(await page.textContent('body'), /Exception|Bad Gateway|undefined|null/);
  await kept(page);
  assert.equal(calls.length, tries);
  assert.equal(calls.maxInFlight, 1, 'no two requests at once');
}

/** Runs axe-core in the page (evaluated through the debugging protocol, so the page's CSP
 * stays strict) and returns its violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The session `page` left in localStorage, read back the way an app using
 * amazon-cognito-identity-js reads it for the pool and client of `config`: `{ user, session }`. */
export async function sessionAsAppSeesIt(page, config) {
  const stored = await page.evaluate(() => ({ ...localStorage }));
  const storage = { getItem: (k) => stored[k] ?? null, setItem: (k, v) => { stored[k] = v; }, removeItem: (k) => { delete stored[k]; }, clear: () => {} };
  const pool = new CognitoUserPool({ UserPoolId: config.userPoolId, ClientId: config.clientId, Storage: storage });
  const user = pool.getCurrentUser();
  assert.ok(user, 'LastAuthUser is set');
  const session = await new Promise((resolve, reject) => user.getSession((error, s) => (error ? reject(error) : resolve(s))));
  return { user, session };
}
