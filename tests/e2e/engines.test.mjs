// The main flows in each engine people open emailed links in (Chromium, Firefox, WebKit),
// against the real local stack: each flow is written once and runs in all three. The full
// suite in the other files runs in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINES, launch, until } from './engines.mjs';
import { canSignIn, cognito } from './harness.mjs';
import { startStack } from '../../scripts/local.mjs';
import { serve } from '../../scripts/serve.mjs';
import { contentSecurityPolicy, securityHeaders } from '../../deploy/headers.mjs';
import { ROOT } from '../../scripts/paths.mjs';

const BASE = 19600;
const SIGN_IN_PORT = BASE + 5;
const NO_WASM_PORT = BASE + 6;
const LOST_WASM_PORT = BASE + 10;
const SLOW_SERVER_PORT = BASE + 11;
const HOUR = 3600 * 1000;
const DIR = join(ROOT, '.run', 'e2e-engines');
const arabic = JSON.parse(readFileSync(join(ROOT, 'core', 'i18n', 'ar.json'), 'utf8'));

let stack;
let signInPages;
let noWasmPages;
let lostWasmPages;
let slowServerPages;
const engines = {};

before(async () => {
  stack = await startStack({ name: 'e2e-engines', cognitoPort: BASE, lambdaPort: BASE + 1, pagePort: BASE + 2, signInByLink: true, signInPort: BASE + 3 });
  mkdirSync(DIR, { recursive: true });
  const signInConfig = join(DIR, 'signin-config.json');
  writeFileSync(signInConfig, JSON.stringify({ ...stack.config, signIn: 'password', session: 'amplify', afterSignInUrl: '/index.html?signed-in' }));
  signInPages = await serve({ root: ROOT, port: SIGN_IN_PORT, configFile: signInConfig, cognitoEndpoint: stack.endpoint });
  // A browser that may not compile WebAssembly: the policy without 'wasm-unsafe-eval'.
  const noWasm = contentSecurityPolicy(new URL(stack.endpoint).origin).replace(" 'wasm-unsafe-eval'", '');
  noWasmPages = await serve({ root: ROOT, port: NO_WASM_PORT, configFile: stack.configFile, cognitoEndpoint: stack.endpoint,
    headersFor: () => ({ 'Content-Security-Policy': noWasm, 'Cache-Control': 'no-store' }) });
  // A host or proxy that lost (or refuses) the WebAssembly files.
  lostWasmPages = await serve({ root: ROOT, port: LOST_WASM_PORT, configFile: stack.configFile, cognitoEndpoint: stack.endpoint, missing: /\.wasm$/ });
  // A server whose clock is two hours behind: to the page, the device's clock is two hours ahead.
  const production = Object.fromEntries(securityHeaders(new URL(stack.endpoint).origin));
  slowServerPages = await serve({ root: ROOT, port: SLOW_SERVER_PORT, configFile: stack.configFile, cognitoEndpoint: stack.endpoint,
    headersFor: () => ({ ...production, 'Cache-Control': 'no-store', Date: new Date(Date.now() - 2 * HOUR).toUTCString() }) });
  for (const [index, name] of ENGINES.entries()) {
    engines[name] = await launch(name, { display: 97, port: BASE + 7 + index });
    await stack.addUser({ email: `${name}@example.com`, password: 'First-password1' });
  }
});
after(async () => {
  console.log(`engines: ${ENGINES.map((name) => engines[name]?.version).join(', ')}`);
  for (const engine of Object.values(engines)) await engine.close();
  await new Promise((resolve) => signInPages?.close(resolve) ?? resolve());
  await new Promise((resolve) => noWasmPages?.close(resolve) ?? resolve());
  await new Promise((resolve) => lostWasmPages?.close(resolve) ?? resolve());
  await new Promise((resolve) => slowServerPages?.close(resolve) ?? resolve());
  await stack?.stop();
});

/** Asks for a reset link on the forgot page in `page`; returns the emailed link. */
async function requestLinkIn(page, email) {
  await page.goto(`${stack.pageOrigin}/index.html`);
  await page.ready();
  const mark = stack.output().length;
  await page.fill('#username', email);
  await page.click('#submit');
  const status = await page.waitFor(() => document.querySelector('#status').textContent);
  assert.match(status, /If an account exists for/);
  return stack.nextLink(mark);
}

/** Fills both password boxes with `password` and submits. */
async function choose(page, password) {
  await page.fill('#password', password);
  await page.fill('#confirm', password);
  await page.click('#submit');
}

for (const name of ENGINES) {
  const email = `${name}@example.com`;

  test(`${name}: forgot page, then the reset by link (address cleaned, no Referer, the new password works)`, async () => {
    const page = await engines[name].newPage();
    try {
      const link = await requestLinkIn(page, email);
      const before = stack.pageRequests().length;
      await page.goto(link);
      await page.ready();
      assert.equal(await page.url(), `${stack.pageOrigin}/reset-password.html`, 'the code left the address bar');
      assert.equal(await page.evaluate(() => document.querySelector('#username').value), email);
      assert.match(await page.text('#link-age'), /^This link works until /);
      await choose(page, `Reset-in-${name}1`);
      await page.waitFor(() => !document.querySelector('#done').hidden);
      const requests = stack.pageRequests().slice(before);
      assert.ok(requests.length >= 4, 'the page, its style, module and config were fetched');
      assert.deepEqual(requests.filter((r) => r.referer !== null), [], 'no request carried a Referer');
      assert.equal(await canSignIn(stack, email, `Reset-in-${name}1`), true);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a device clock two hours ahead of the server's says the link may have expired, and the reset still works`, async () => {
    const page = await engines[name].newPage();
    try {
      const link = await requestLinkIn(page, email);
      // Sent two hours before the device's clock, by the server's clock a moment ago.
      const moved = link.replace(/sent=(\d+)/, (_, sent) => `sent=${Number(sent) - 2 * 3600}`);
      await page.goto(moved.replace(stack.pageOrigin, `http://127.0.0.1:${SLOW_SERVER_PORT}`));
      await page.ready();
      assert.match(await page.text('#link-age'), /this link may have expired/);
      assert.equal(await page.visible('#password'), true, 'the form stays usable');
      assert.equal(await page.visible('#new-link'), true, 'a new link is offered beside it');
      await choose(page, `Clock-in-${name}1`);
      await page.waitFor(() => !document.querySelector('#done').hidden);
      assert.equal(await canSignIn(stack, email, `Clock-in-${name}1`), true);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a wrong code offers a new link, which is sent`, async () => {
    const page = await engines[name].newPage();
    try {
      const link = await requestLinkIn(page, email);
      await page.goto(link.replace(/confirmation_code=\d+/, 'confirmation_code=000000'));
      await page.ready();
      await choose(page, 'Wrong-code-1');
      await page.waitFor(() => !document.querySelector('#new-link').hidden);
      assert.match(await page.text('#status'), /This reset link doesn't work/);
      const mark = stack.output().length;
      await page.click('#new-link');
      await page.waitFor(() => /sent a new link/.test(document.querySelector('#status').textContent));
      assert.match(await stack.nextLink(mark), /confirmation_code=\d{6}/);
    } finally {
      await page.close();
    }
  });

  test(`${name}: confirm by link, with one click`, async () => {
    const newcomer = `${name}+new@example.com`;
    const mark = stack.output().length;
    const signUp = await cognito(stack.endpoint, 'SignUp', {
      ClientId: stack.config.clientId, Username: newcomer, Password: 'Joined-today1', UserAttributes: [{ Name: 'email', Value: newcomer }],
    });
    assert.equal(signUp.status, 200);
    const link = await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/confirm.html`);
    const page = await engines[name].newPage();
    try {
      await page.goto(link);
      await page.ready();
      assert.equal(await canSignIn(stack, newcomer, 'Joined-today1'), false, 'opening the link alone confirms nothing');
      await page.click('#submit');
      await page.waitFor(() => !document.querySelector('#done').hidden);
      assert.equal(await canSignIn(stack, newcomer, 'Joined-today1'), true);
    } finally {
      await page.close();
    }
  });

  test(`${name}: signed in after the reset, the session handed to the app`, async () => {
    const page = await engines[name].newPage();
    try {
      const link = await requestLinkIn(page, email);
      await page.goto(link.replace(stack.pageOrigin, `http://127.0.0.1:${SIGN_IN_PORT}`));
      await page.ready();
      await choose(page, `Signed-in-${name}2`);
      // The page it lands on takes the query out of its address at once: its navigation keeps it.
      await page.waitFor(() => performance.getEntriesByType('navigation')[0]?.name.endsWith('/index.html?signed-in'));
      const last = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.LastAuthUser')).length);
      assert.equal(last, 1, 'the session is stored where the Cognito libraries read it');
    } finally {
      await page.close();
    }
  });

  test(`${name}: sign-in by link: asked on sign-in.html, the link in the same browser signs in on one press`, async () => {
    const page = await engines[name].newPage();
    const pages = `http://127.0.0.1:${SIGN_IN_PORT}`;
    try {
      await page.goto(`${pages}/sign-in.html`);
      await page.ready();
      const mark = stack.output().length;
      await page.fill('#username', email);
      await page.click('#submit');
      await page.waitFor(() => !document.querySelector('#check').hidden);
      const code = await until(async () => stack.output().slice(mark).match(/^Code:\s+(\d{6})$/m)?.[1], 'the printed sign-in code');
      // Until the trigger writes sign-in links, the link is built from the printed code. It is
      // opened from another page, as from an email: from this one, only the fragment would change.
      await page.goto(`${pages}/index.html`);
      await page.goto(`${pages}/sign-in.html#sign_in_code=${code}&user_name=${encodeURIComponent(email)}&sent=${Math.floor(Date.now() / 1000)}`);
      await page.ready();
      assert.equal(await page.visible('#sign-in-now'), true);
      await page.click('#sign-in-now');
      await page.waitFor(() => performance.getEntriesByType('navigation')[0]?.name.endsWith('/index.html?signed-in'));
      const last = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.LastAuthUser')).length);
      assert.equal(last, 1, 'the session is stored where the Cognito libraries read it');
    } finally {
      await page.close();
    }
  });

  test(`${name}: the CSP stops an injected inline script; Arabic reads right to left`, async () => {
    const page = await engines[name].newPage();
    try {
      await page.goto(`${stack.pageOrigin}/reset-password.html?lang=ar#confirmation_code=1&user_name=someone`);
      await page.ready();
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await page.text('h1'), arabic['reset.title']);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
      });
      assert.equal(await page.evaluate(() => window.injected ?? null), null);
    } finally {
      await page.close();
    }
  });

  test(`${name}: where the module cannot load, the page says what to do, keeps the form shut and the code out of the address bar`, async () => {
    const page = await engines[name].newPage();
    try {
      await page.goto(`http://127.0.0.1:${LOST_WASM_PORT}/reset-password.html#confirmation_code=1&user_name=someone`);
      const words = await page.waitFor(() => !document.querySelector('#problem').hidden && document.querySelector('#problem').textContent);
      assert.match(words, /This page could not load\. Please reload it, or try a current browser\./);
      assert.equal(await page.evaluate(() => document.querySelector('#submit').disabled), true);
      assert.equal(await page.visible('#problem'), true);
      assert.equal(await page.url(), `http://127.0.0.1:${LOST_WASM_PORT}/reset-password.html`, 'the code left the address bar');
    } finally {
      await page.close();
    }
  });

  test(`${name}: a policy without 'wasm-unsafe-eval' never leaves a blank page`, async () => {
    const page = await engines[name].newPage();
    try {
      await page.goto(`http://127.0.0.1:${NO_WASM_PORT}/reset-password.html#confirmation_code=1&user_name=someone`);
      const state = await page.waitFor(() => (document.body.hasAttribute('data-ready') && 'working')
        || (!document.querySelector('#problem').hidden && document.querySelector('#problem').textContent));
      // Chromium and Firefox enforce the keyword; WebKitGTK 2.50 compiles WebAssembly without it.
      if (name === 'webkit') assert.equal(state, 'working');
      else assert.match(state, /This page could not load/);
    } finally {
      await page.close();
    }
  });
}
