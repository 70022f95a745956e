// Every branch of the reset page that cognito-local cannot produce, answered by request
// routing: each says what helps, keeps what the person typed, and never sends twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito, cognitoError, axeViolations } from './harness.mjs';

let env;
before(async () => { env = await setUpPages('e2e-reset', 19410); });
after(async () => { await env?.close(); });

const LINK = '/reset-password.html#confirmation_code=123456&user_name=jane%2Bx%40example.com';
const PASSWORD = 'Fresh-start9';

/** Opens the link with Cognito answered by `answer`; returns page, problems and the calls seen. */
async function open(answer, path = LINK) {
  const { page, problems } = await openPage(env.browser, null);
  const calls = await answerCognito(page, env.endpoint, answer);
  await page.goto(`${env.origin}${path}`);
  await page.waitForSelector('body[data-ready]');
  return { page, problems, calls };
}

async function submit(page, password = PASSWORD, confirm = password) {
  await page.fill('#password', password);
  await page.fill('#confirm', confirm);
  await page.click('#submit');
}

/** Waits until the status region shows an error, and returns its text. */
async function errorText(page) {
  await page.waitForSelector('#status.error');
  return page.textContent('#status');
}

async function assertKept(page, password = PASSWORD) {
  assert.equal(await page.inputValue('#password'), password, 'the password is kept');
  assert.equal(await page.inputValue('#confirm'), password, 'the confirmation is kept');
}

const cases = [
  ['InvalidPasswordException', /isn't accepted.*requirements/, 'password'],
  ['PasswordHistoryPolicyViolationException', /used this password before/, 'password'],
  ['LimitExceededException', /wait 15 minutes/, 'submit'],
  ['TooManyFailedAttemptsException', /wait 15 minutes/, 'submit'],
  ['NotAuthorizedException', /contact the site's support/, 'submit'],
];
for (const [type, words, focused] of cases) {
  test(`${type}: says what helps, once, keeps the passwords`, async () => {
    const { page, calls, problems } = await open(() => cognitoError(type));
    await submit(page);
    assert.match(await errorText(page), words);
    await assertKept(page);
    assert.equal(calls.length, 1, 'not retried automatically');
    assert.equal(await page.evaluate(() => document.activeElement.id), focused);
    assert.equal(await page.isVisible('#new-link'), false);
    assert.doesNotMatch(await page.textContent('body'), /Exception|raw /);
    assert.deepEqual(problems, []);
  });
}

test('throttling is retried with backoff and then succeeds', async () => {
  const { page, calls } = await open((_, n) => (n < 3 ? cognitoError('TooManyRequestsException') : { body: {} }));
  await submit(page);
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(calls.length, 3);
  assert.deepEqual(await axeViolations(page), [], 'the success state is accessible');
});

// Transient faults (5xx, proxies, resets, timeouts, offline, CORS) are in faults.test.mjs.

test('one click sends one request, however often the button is pressed', async () => {
  const { page, calls } = await open(async () => {
    await new Promise((r) => setTimeout(r, 500));
    return { body: {} };
  });
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm', PASSWORD);
  await page.click('#submit');
  await page.press('#confirm', 'Enter').catch(() => {});
  await page.click('#submit', { force: true }).catch(() => {});
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(calls.length, 1);
});

test('the checklist and match check stop a bad password before any request', async () => {
  const { page, calls } = await open(() => ({ body: {} }));
  await page.fill('#password', 'short');
  assert.equal(await page.locator('#rules li.met').count(), 2, 'lowercase and no outer spaces are met');
  await submit(page, 'Fresh-start9', 'Fresh-start8');
  assert.match(await errorText(page), /don't match/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm');
  await submit(page, 'freshstart', 'freshstart');
  assert.match(await errorText(page), /doesn't meet all the requirements/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  assert.equal(calls.length, 0);
  assert.deepEqual(await axeViolations(page), [], 'the error state is accessible');
});

test('an expired link offers a new one, with a visible cooldown', async () => {
  const { page, calls } = await open((request) => (
    request.headers()['x-amz-target'].endsWith('.ConfirmForgotPassword')
      ? cognitoError('ExpiredCodeException')
      : { body: { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } } }));
  await submit(page);
  assert.match(await errorText(page), /expired/);
  assert.deepEqual(await axeViolations(page), [], 'the expired state is accessible');
  await page.click('#new-link');
  await page.waitForFunction(() => /sent a new link/.test(document.querySelector('#status').textContent));
  assert.match(await page.textContent('#new-link'), /wait \d s/);
  assert.equal(await page.isDisabled('#new-link'), true);
  assert.deepEqual([...calls], ['AWSCognitoIdentityProviderService.ConfirmForgotPassword', 'AWSCognitoIdentityProviderService.ForgotPassword']);
  await page.waitForFunction(() => !document.querySelector('#new-link').disabled, null, { timeout: 6000 });
  assert.equal(await page.textContent('#new-link'), 'Send me a new link');
});

test('without a code in the link the page asks for username and code', async () => {
  const { page, calls } = await open(() => ({ body: {} }), '/reset-password.html');
  assert.equal(await page.isVisible('#code'), true);
  assert.equal(await page.getAttribute('#username', 'readonly'), null);
  assert.deepEqual(await axeViolations(page), [], 'the empty form is accessible');
  await submit(page);
  assert.match(await errorText(page), /email or username/);
  await page.fill('#username', 'jane@example.com');
  await page.click('#submit');
  assert.match(await errorText(page), /code from your email/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'code');
  await page.fill('#code', ' 654321 ');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(calls.length, 1);
});

// 200% zoom of a 640 px window lays the page out in 320 CSS pixels, so this covers both.
test('fits a 320 px phone (and 200% zoom) without sideways scrolling', async () => {
  for (const viewport of [{ width: 320, height: 640 }]) {
    const { page } = await openPage(env.browser, `${env.origin}${LINK}`, { viewport });
    await page.waitForSelector('body[data-ready]');
    await page.click('#toggle');
    await page.fill('#password', 'A-very-long-password-that-keeps-going-and-going-1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${viewport.width}px (${overflow}px)`);
  }
});

test('a config holding a client secret is refused with the reason', async () => {
  env.setConfig(JSON.stringify({ region: 'local', clientId: 'c1', clientSecret: 'shh' }));
  try {
    const { page } = await openPage(env.browser, `${env.origin}${LINK}`);
    await page.waitForSelector('#problem:not([hidden])');
    assert.match(await page.textContent('#problem'), /clientSecret.*public/);
    assert.equal(await page.isDisabled('#submit'), true);
    env.setConfig('this is not json');
    await page.reload();
    await page.waitForSelector('#problem:not([hidden])');
    assert.match(await page.textContent('#problem'), /not valid JSON/);
  } finally {
    env.setConfig(JSON.stringify({ region: 'local', clientId: 'testclient', endpoint: env.endpoint, signIn: 'none', requestTimeoutSeconds: 2, resendCooldownSeconds: 3 }));
  }
});

test('the module and config.json are each fetched once, and both while the page parses', async () => {
  const { page, problems } = await open(() => ({ status: 200, body: '{}' }));
  const { parsed, fetched } = await page.evaluate(() => ({
    parsed: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
    fetched: performance.getEntriesByType('resource').filter((e) => /\/www\/(config\.json|pkg\/reset_bg\.wasm)$/.test(e.name))
      .map((e) => [e.name.split('/').pop(), e.startTime]),
  }));
  assert.deepEqual(fetched.map(([name]) => name).sort(), ['config.json', 'reset_bg.wasm'], 'one request each: the preload is used');
  for (const [name, start] of fetched) assert.ok(start < parsed, `${name} requested at ${start} ms, the page parsed at ${parsed} ms`);
  assert.equal(await page.getAttribute('link[rel=preload]', 'href'), 'www/pkg/reset_bg.wasm');
  assert.deepEqual(problems, []);
});

test('the form works before the code that sends it arrives, and a failed load is tried again', async () => {
  const { page, problems } = await openPage(env.browser, null);
  const calls = await answerCognito(page, env.endpoint, () => ({ status: 200, body: {} }));
  // The account module (the calls and the sign-in) is held back, then refused once.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let refusals = 0;
  await page.route('**/www/pkg/account_bg.wasm', async (route) => {
    await held;
    if (refusals++ === 0) return route.abort();
    return route.continue();
  });
  await page.goto(`${env.origin}${LINK}`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'short');
  assert.equal(await page.getAttribute('#rule-length', 'class'), null, 'the checklist answers typing');
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm', PASSWORD);
  assert.match(await page.getAttribute('#rule-length', 'class'), /met/);
  release();
  await page.click('#submit');
  assert.match(await errorText(page), /connection|offline|internet/i);
  await assertKept(page);
  assert.equal(calls.length, 0, 'nothing was sent without the module');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(calls.length, 1);
  assert.deepEqual(problems, []);
});

test('before the module runs, the form cannot be sent by the browser itself', async () => {
  const { page, problems } = await openPage(env.browser, null);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/www/pkg/reset_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.origin}${LINK}`);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm', PASSWORD);
  await page.press('#confirm', 'Enter');
  await page.waitForTimeout(300);
  assert.ok(await page.isDisabled('#submit'), 'no submit before the module is ready');
  assert.equal(new URL(page.url()).search, '', 'nothing was sent as a query');
  assert.ok(!page.url().includes(PASSWORD), 'the password never reaches the address');
  release();
  await page.waitForSelector('body[data-ready]');
  assert.ok(await page.isEnabled('#submit'));
  await assertKept(page);
  assert.deepEqual(problems, []);
});

test('a config.json that is missing, not JSON or unsafe stops the page with words for the deployer, and sends nothing', async () => {
  for (const [served, words] of [
    [{ status: 404, body: 'Not found' }, /config\.json could not be loaded or is not valid JSON/],
    [{ status: 200, body: '{"clientId": "x",' }, /config\.json could not be loaded or is not valid JSON/],
    [{ status: 200, body: '["not", "an", "object"]' }, /config\.json could not be loaded or is not valid JSON/],
    [{ status: 200, body: JSON.stringify({ region: 'local', clientId: 'testclient', clientSecret: 's', endpoint: env.endpoint }) }, /holds "clientSecret"/],
  ]) {
    const { page } = await openPage(env.browser, null);
    const calls = await answerCognito(page, env.endpoint, () => ({ body: {} }));
    await page.route('**/www/config.json', (route) => route.fulfill({ ...served, contentType: 'application/json' }));
    await page.goto(`${env.origin}${LINK}`);
    await page.waitForSelector('#problem:not([hidden])');
    assert.match(await page.textContent('#problem'), words, served.body);
    assert.equal(await page.isDisabled('#submit'), true, 'the form stays shut');
    assert.equal(calls.length, 0);
    await page.context().close();
  }
});
