// The forgot-password page: the same words whatever Cognito says about the account, a
// visible cooldown, clear words for each failure, and the pool's way of signing in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito, cognitoError, axeViolations } from './harness.mjs';

const BASE_CONFIG = { region: 'local', clientId: 'testclient', signIn: 'none', requestTimeoutSeconds: 2, resendCooldownSeconds: 3 };
let env;
before(async () => { env = await setUpPages('e2e-forgot', 19430); });
after(async () => { await env?.close(); });

/** Serves the config with `extra` keys for one test. */
const useConfig = (extra = {}) => env.setConfig(JSON.stringify({ ...BASE_CONFIG, endpoint: env.endpoint, ...extra }));

async function open(answer, path = '/index.html') {
  const { page, problems } = await openPage(env.browser, null);
  const calls = await answerCognito(page, env.endpoint, answer);
  const bodies = [];
  page.on('request', (request) => { if (request.method() === 'POST') bodies.push(request.postDataJSON()); });
  await page.goto(`${env.origin}${path}`);
  await page.waitForSelector('body[data-ready]');
  return { page, problems, calls, bodies };
}

async function ask(page, who) {
  await page.fill('#username', who);
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  return page.textContent('#status');
}

const sent = { body: { CodeDeliveryDetails: { Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } } };

test('known, unknown and unverified accounts read exactly the same', async () => {
  useConfig();
  const texts = [];
  for (const answer of [() => sent, () => cognitoError('UserNotFoundException'), () => cognitoError('InvalidParameterException')]) {
    const { page, problems, bodies } = await open(answer);
    await ask(page, 'someone@example.com');
    texts.push(await page.textContent('main'));
    assert.equal(bodies[0].ClientMetadata.lang, 'en', "the page's language goes to the trigger");
    assert.deepEqual(problems, []);
  }
  assert.match(texts[0], /If an account exists for someone@example.com, we've sent it an email/);
  assert.equal(texts[1], texts[0]);
  assert.equal(texts[2], texts[0]);
});

test('"Send again" counts down visibly before it can be used', async () => {
  useConfig();
  const { page, calls } = await open(() => sent);
  await ask(page, 'someone@example.com');
  assert.match(await page.textContent('#submit'), /Send again \(wait [1-3] s\)/);
  assert.equal(await page.isDisabled('#submit'), true);
  await page.press('#username', 'Enter');
  assert.deepEqual(await axeViolations(page), [], 'the sent state is accessible');
  await page.waitForFunction(() => !document.querySelector('#submit').disabled, null, { timeout: 6000 });
  assert.equal(await page.textContent('#submit'), 'Send again');
  assert.equal(calls.length, 1, 'nothing was sent during the cooldown');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#submit').disabled);
  assert.equal(calls.length, 2);
});

// Transient faults, the attempt limit, offline and CORS are in faults.test.mjs.
const failures = [
  ['a broken trigger', () => cognitoError('UserLambdaValidationException'), /contact the site's support/, 1],
  ['a misconfigured client', () => cognitoError('NotAuthorizedException'), /contact the site's support/, 1],
];
for (const [label, answer, words, tries] of failures) {
  test(`${label}: clear words, the typed address kept, ${tries} request(s)`, async () => {
    useConfig();
    const { page, calls } = await open(answer);
    const text = await ask(page, 'someone@example.com');
    assert.match(text, words);
    assert.doesNotMatch(await page.textContent('body'), /Exception|Oops/);
    assert.equal(await page.inputValue('#username'), 'someone@example.com');
    assert.equal(calls.length, tries);
    assert.equal(await page.isDisabled('#submit'), false, 'the person can try again');
    assert.deepEqual(await axeViolations(page), [], 'the error state is accessible');
  });
}

test('an address passed by a sign-in page is filled in and leaves the address bar', async () => {
  useConfig();
  for (const path of ['/index.html?email=jane%2Bx%40example.com', '/index.html#email=jane%2Bx%40example.com']) {
    const { page } = await open(() => sent, path);
    assert.equal(await page.inputValue('#username'), 'jane+x@example.com');
    assert.equal(page.url(), `${env.origin}/index.html`);
  }
});

test('the box follows how the pool signs in', async () => {
  const modes = [
    ['email', 'Email address', 'email', 'enter the email address you'],
    ['username', 'Username', 'text', 'enter the username you'],
    ['either', 'Email or username', 'text', 'enter the email address or username you'],
  ];
  for (const [signInWith, label, type, asks] of modes) {
    useConfig({ signInWith });
    const { page } = await open(() => sent);
    assert.equal(await page.textContent('#username-label'), label);
    assert.equal(await page.getAttribute('#username', 'type'), type);
    assert.equal(await page.getAttribute('#username', 'autocomplete'), 'username');
    await page.click('#submit');
    assert.match(await page.textContent('#status'), new RegExp(asks));
    assert.deepEqual(await axeViolations(page), []);
  }
});

test('the masked destination is shown only when the deployer turns it on', async () => {
  useConfig();
  let { page } = await open(() => sent);
  assert.doesNotMatch(await ask(page, 'someone@example.com'), /j\*\*\*/);
  useConfig({ showDestination: true });
  ({ page } = await open(() => sent));
  assert.match(await ask(page, 'someone@example.com'), /We sent it to j\*\*\*@e\*\*\*\./);
});
