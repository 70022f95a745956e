// Sign-up confirmation by link: cognito-local's SignUp runs the real trigger, whose email
// links to confirm.html; opening it shows the account, and one click confirms it. The answers cognito-local cannot
// give (already confirmed, ResendConfirmationCode) come from request routing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, canSignIn, cognito, axeViolations } from './harness.mjs';

let env;
before(async () => { env = await setUp('e2e-confirm', 19380); });
after(async () => { await env?.close(); });

/** Signs a new user up through cognito-local; returns the confirmation link the email held. */
async function signUp(email, password) {
  const { stack } = env;
  const mark = stack.output().length;
  const reply = await cognito(stack.endpoint, 'SignUp', {
    ClientId: stack.config.clientId, Username: email, Password: password,
    UserAttributes: [{ Name: 'email', Value: email }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  return stack.nextLink(mark, 60_000, `${stack.pageOrigin}/confirm.html`);
}

test('the emailed link shows the account, and one press of the button confirms it', async () => {
  const email = 'new+member@example.com';
  const link = await signUp(email, 'Joined-today1');
  assert.match(link, /confirm\.html#confirmation_code=\d{6}&user_name=/);
  assert.equal(await canSignIn(env.stack, email, 'Joined-today1'), false, 'not confirmed yet');
  const { page, problems } = await openPage(env.browser, link);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.inputValue('#username'), email, 'the account is shown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'submit', 'the button has the focus');
  assert.equal(await canSignIn(env.stack, email, 'Joined-today1'), false, 'opening the link alone confirms nothing');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#done:not([hidden])');
  assert.match(await page.textContent('#done-text'), /Your account is ready/);
  assert.equal(page.url(), `${env.stack.pageOrigin}/confirm.html`, 'the code left the address bar');
  assert.equal(await page.getAttribute('#sign-in', 'href'), env.stack.config.signInUrl);
  assert.equal(await canSignIn(env.stack, email, 'Joined-today1'), true, 'confirmed');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test('the link says until when it works; an old one offers a new link before anything else', async () => {
  const email = 'late+member@example.com';
  const link = await signUp(email, 'Joined-late1');
  const sentAt = Number(new URLSearchParams(link.split('#')[1]).get('sent'));
  assert.ok(Math.abs(sentAt - Date.now() / 1000) < 120, `the trigger wrote the time: ${sentAt}`);
  const fresh = await openPage(env.browser, link);
  await fresh.page.waitForSelector('body[data-ready]');
  const tomorrow = await fresh.page.evaluate((at) => new Date(at * 1000).toLocaleString('en', { weekday: 'long' }), sentAt + 86_400);
  assert.match(await fresh.page.textContent('#link-age'), new RegExp(`^This link works until ${tomorrow}, .*\\d:\\d\\d.*\\.$`));
  await fresh.context.close();

  const { page, problems } = await openPage(env.browser, null);
  const targets = [];
  await page.route(env.stack.endpoint, (route) => {
    targets.push(route.request().headers()['x-amz-target']);
    return route.fulfill({ status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1', body: '{}' });
  });
  await page.goto(link.replace(`sent=${sentAt}`, `sent=${sentAt - 25 * 3600}`));
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /has expired/);
  assert.equal(await page.isVisible('#submit'), false, 'nothing to press that cannot work');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-link');
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /new confirmation link/.test(document.querySelector('#status').textContent));
  assert.deepEqual(targets, ['AWSCognitoIdentityProviderService.ResendConfirmationCode'], 'ConfirmSignUp was never sent');
  assert.deepEqual(problems, []);
});

test('a link for an account confirmed before says so, not an error', async () => {
  const { page } = await openPage(env.browser, null);
  await page.route(env.stack.endpoint, (route) => route.fulfill({
    status: 400, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
    body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' }),
  }));
  await page.goto(`${env.stack.pageOrigin}/confirm.html#confirmation_code=123456&user_name=someone`);
  await page.waitForSelector('body[data-ready]');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.match(await page.textContent('#done-text'), /already confirmed/);
  assert.doesNotMatch(await page.textContent('body'), /CONFIRMED|Exception/);
});

test('an expired link offers a new one (ResendConfirmationCode), with a cooldown', async () => {
  const { page, problems } = await openPage(env.browser, null);
  const targets = [];
  await page.route(env.stack.endpoint, (route) => {
    const target = route.request().headers()['x-amz-target'];
    targets.push(target);
    const expired = target.endsWith('.ConfirmSignUp');
    return route.fulfill({
      status: expired ? 400 : 200, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify(expired ? { __type: 'ExpiredCodeException' } : { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } }),
    });
  });
  await page.goto(`${env.stack.pageOrigin}/confirm.html#confirmation_code=123456&user_name=someone&lang=en`);
  await page.waitForSelector('body[data-ready]');
  await page.click('#submit');
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /has expired/);
  assert.equal(await page.isVisible('#code'), true, 'the code from the new email can be typed');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#new-link');
  await page.waitForFunction(() => /new confirmation link/.test(document.querySelector('#status').textContent));
  assert.equal(await page.isDisabled('#new-link'), true);
  assert.deepEqual(targets, ['AWSCognitoIdentityProviderService.ConfirmSignUp', 'AWSCognitoIdentityProviderService.ResendConfirmationCode']);
  assert.deepEqual(problems, []);
});

test('without a code in the link the person types it', async () => {
  const email = 'typed+code@example.com';
  const link = await signUp(email, 'Typed-code-1');
  const code = new URLSearchParams(link.split('#')[1]).get('confirmation_code');
  const { page } = await openPage(env.browser, `${env.stack.pageOrigin}/confirm.html`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.isVisible('#code'), true);
  await page.fill('#username', email);
  await page.fill('#code', code);
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await canSignIn(env.stack, email, 'Typed-code-1'), true);
});
