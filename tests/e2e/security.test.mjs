// Security properties a deployer relies on, each shown to hold in a real browser: no Referer
// leaves the pages, the CSP is enforced (an injected inline script does not run), and user
// data reaches the page only as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito } from './harness.mjs';

let env;
before(async () => { env = await setUpPages('e2e-security', 19460); });
after(async () => { await env?.close(); });

test('no request the pages make carries a Referer, and the code never reaches the server', async () => {
  const { page } = await openPage(env.browser, null);
  const calls = await answerCognito(page, env.endpoint, () => ({ body: {} }));
  const sent = [];
  page.on('request', (request) => sent.push({ url: request.url(), referer: request.headers().referer ?? null }));
  await page.goto(`${env.origin}/reset-password.html#confirmation_code=987654&user_name=someone`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'No-referer-1');
  await page.fill('#confirm', 'No-referer-1');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.ok(sent.length >= 5, 'page, css, script, module, wasm, config and the call were seen');
  assert.deepEqual(sent.filter((r) => r.referer !== null), [], 'no Referer anywhere');
  assert.deepEqual(calls.referers, [null]);
  assert.deepEqual(sent.filter((r) => r.url.includes('987654')), [], 'the code travels only in the fragment and the call body');
});

test('the CSP is sent and enforced: an injected inline script does not run', async () => {
  const { page, problems } = await openPage(env.browser, null);
  const response = await page.goto(`${env.origin}/reset-password.html`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(response.headers()['content-security-policy'], /unsafe-inline/);
  await page.waitForSelector('body[data-ready]');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.ok(problems.some((p) => /CSP violation: script-src/.test(p)), 'the browser reported the blocked script');
});

test('a username or address with HTML in it is shown as text everywhere on the pages', async () => {
  const hostile = '<img/src=x/onerror=window.owned=1>'; // usernames hold no spaces
  const { page } = await openPage(env.browser, null);
  await answerCognito(page, env.endpoint, () => ({ body: {} }));
  await page.goto(`${env.origin}/reset-password.html#confirmation_code=1&user_name=${encodeURIComponent(hostile)}&email=${encodeURIComponent(`${hostile}@x.io`)}`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.inputValue('#username'), `${hostile}@x.io`);
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#username', hostile);
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  assert.ok((await page.textContent('#status')).includes(`If an account exists for ${hostile},`));
  assert.equal(await page.locator('img:not(#brand-logo)').count(), 0, 'no element was created from the text');
  assert.equal(await page.evaluate(() => window.owned), undefined);
});
