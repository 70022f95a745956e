// Invitations by link: cognito-local's AdminCreateUser runs the real trigger, whose email
// links to welcome.html with the temporary password; the page sets the person's own password
// (NEW_PASSWORD_REQUIRED) on their press and signs them in. Answers cognito-local cannot give
// (required details, an expired temporary password) are shaped by request routing around the
// real calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, canSignIn, cognito, axeViolations } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/paths.mjs';

const BASE = 19640;
const PAGES_PORT = BASE + 5;
const pagesOrigin = `http://127.0.0.1:${PAGES_PORT}`;
let env;
let pages;

before(async () => {
  env = await setUp('e2e-welcome', BASE);
  const configFile = join(ROOT, '.run', 'e2e-welcome', 'welcome-config.json');
  writeFileSync(configFile, JSON.stringify({ ...env.stack.config, signIn: 'password', session: 'amplify', afterSignInUrl: '/index.html?welcome' }));
  pages = await serve({ root: ROOT, port: PAGES_PORT, configFile, cognitoEndpoint: env.stack.endpoint });
});
after(async () => {
  await new Promise((resolve) => pages?.close(resolve) ?? resolve());
  await env?.close();
});

/** Invites `email` with `temporary` as its temporary password; returns the emailed link
 * (on the pages that sign in with USER_PASSWORD_AUTH). */
async function invite(email, temporary) {
  const { stack } = env;
  const mark = stack.output().length;
  const reply = await cognito(stack.endpoint, 'AdminCreateUser', {
    UserPoolId: stack.config.userPoolId, Username: email, TemporaryPassword: temporary, DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  const link = await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/welcome.html`);
  return link.replace(stack.pageOrigin, pagesOrigin);
}

/** The account's status in the pool. */
async function statusOf(email) {
  const user = await cognito(env.stack.endpoint, 'AdminGetUser', { UserPoolId: env.stack.config.userPoolId, Username: email });
  return user.UserStatus;
}

/** Types the new password twice and presses the button. */
async function choose(page, password) {
  await page.fill('#password', password);
  await page.fill('#confirm', password);
  await page.click('#submit');
}

test('the invitation link sets the chosen password on one press and signs the person in', async () => {
  const email = 'invited+one@example.com';
  // A temporary password as Cognito may generate one, with the characters links mangle.
  const link = await invite(email, 'Tmp&Pass#1%+=');
  assert.match(link, /welcome\.html#user_name=[0-9a-f-]{36}&email=invited%2Bone%40example\.com&sent=\d+&temporary_password=Tmp&Pass#1%\+=$/);
  const { page, problems } = await openPage(env.browser, link);
  await page.waitForSelector('body[data-ready]');
  assert.equal(page.url(), `${pagesOrigin}/welcome.html`, 'the temporary password left the address bar');
  assert.equal(await page.inputValue('#username'), email);
  assert.equal(await page.isVisible('#temporary'), false, 'the link carries it');
  assert.match(await page.textContent('#link-age'), /^This link works until /);
  await page.waitForTimeout(1000);
  assert.equal(await statusOf(email), 'FORCE_CHANGE_PASSWORD', 'opening the link alone changes nothing');
  assert.deepEqual(await axeViolations(page), []);
  await choose(page, 'My-own-password1');
  await page.waitForURL(`${pagesOrigin}/index.html?welcome`);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.LastAuthUser')));
  assert.equal(stored.length, 1, 'the session is handed to the app');
  assert.equal(await statusOf(email), 'CONFIRMED');
  assert.equal(await canSignIn(env.stack, email, 'My-own-password1'), true);
  assert.equal(await canSignIn(env.stack, email, 'Tmp&Pass#1%+='), false, 'the temporary password is gone');
  assert.deepEqual(problems, []);
});

test('details the pool requires are asked for in words people know, then sent with the password', async () => {
  const email = 'invited+details@example.com';
  const link = await invite(email, 'Tmp-pass-2');
  const { page, problems } = await openPage(env.browser, null);
  const answers = [];
  await page.route(env.stack.endpoint, async (route) => {
    const target = route.request().headers()['x-amz-target'];
    if (target.endsWith('.RespondToAuthChallenge')) answers.push(route.request().postDataJSON().ChallengeResponses);
    if (!target.endsWith('.InitiateAuth')) return route.fallback();
    const real = await route.fetch();
    const body = await real.json();
    body.ChallengeParameters.requiredAttributes = JSON.stringify(['userAttributes.name', 'userAttributes.phone_number']);
    return route.fulfill({ response: real, body: JSON.stringify(body) });
  });
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  await choose(page, 'Details-pass-3');
  await page.waitForSelector('#details:not([hidden]) #detail-name');
  assert.equal(await page.textContent('label[for="detail-name"]'), 'Full name');
  assert.match(await page.textContent('label[for="detail-phone_number"]'), /^Phone number, with country code/);
  assert.equal(await page.getAttribute('#detail-phone_number', 'autocomplete'), 'tel');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-name');
  assert.equal(await statusOf(email), 'FORCE_CHANGE_PASSWORD', 'nothing changed before the details');
  assert.equal(await page.inputValue('#password'), 'Details-pass-3', 'the password typed is kept');
  await page.fill('#detail-name', 'Jane Roe');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent === 'Please fill in every detail.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-phone_number');
  await page.fill('#detail-phone_number', '+441632960000');
  await page.click('#submit');
  await page.waitForURL(`${pagesOrigin}/index.html?welcome`);
  assert.equal(answers.length, 1);
  assert.equal(answers[0]['userAttributes.name'], 'Jane Roe');
  assert.equal(answers[0]['userAttributes.phone_number'], '+441632960000');
  assert.deepEqual(problems, []);
});

test('an expired invitation says whom to ask, and an old link says so before anything is typed', async () => {
  const email = 'invited+late@example.com';
  const link = await invite(email, 'Tmp-pass-4');
  const { page } = await openPage(env.browser, null);
  await page.route(env.stack.endpoint, (route) => route.fulfill({
    status: 400, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
    body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' }),
  }));
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  await choose(page, 'Late-pass-5');
  await page.waitForSelector('#help:not([hidden])');
  assert.equal(await page.textContent('#status'), 'This invitation has expired. Please ask the person who invited you to send a new one.');
  assert.doesNotMatch(await page.textContent('body'), /administrator\.|Exception/);

  const sent = new URLSearchParams(link.split('#')[1].split('&temporary_password=')[0]).get('sent');
  const old = await openPage(env.browser, link.replace(`sent=${sent}`, `sent=${sent - 8 * 86_400}`));
  await old.page.waitForSelector('#help:not([hidden])');
  assert.match(await old.page.textContent('#status'), /This invitation has expired/);
  assert.equal(await old.page.isVisible('#password'), false, 'no password is asked for');
});

test('a temporary password that does not work opens its box; the one from the email then works', async () => {
  const email = 'invited+typed@example.com';
  const link = await invite(email, 'Tmp-pass-6');
  const { page, problems } = await openPage(env.browser, null);
  // cognito-local does not check a temporary password, so the first answer is Cognito's own
  // for a wrong one; the second sign-in goes through to cognito-local.
  const tried = [];
  await page.route(env.stack.endpoint, (route) => {
    const { AuthParameters } = route.request().postDataJSON();
    if (!AuthParameters) return route.fallback();
    tried.push(AuthParameters.PASSWORD);
    if (tried.length > 1) return route.fallback();
    return route.fulfill({ status: 400, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) });
  });
  await page.goto(link.replace('temporary_password=Tmp-pass-6', 'temporary_password=Tmp-pa'));
  await page.waitForSelector('body[data-ready]');
  await choose(page, 'Typed-pass-7');
  await page.waitForSelector('#temporary-field:not([hidden])');
  assert.match(await page.textContent('#status'), /This invitation link doesn't work/);
  assert.equal(await page.isVisible('#help-forgot'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'temporary');
  assert.equal(await page.inputValue('#password'), 'Typed-pass-7', 'the new password is kept');
  await page.fill('#temporary', 'Tmp-pass-6');
  await page.click('#submit');
  await page.waitForURL(`${pagesOrigin}/index.html?welcome`);
  assert.deepEqual(tried, ['Tmp-pa', 'Tmp-pass-6'], 'the typed temporary password replaces the one from the link');
  assert.equal(await canSignIn(env.stack, email, 'Typed-pass-7'), true);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test("an invitation whose email was changed to someone else's keeps no session", async () => {
  const email = 'invited+real@example.com';
  const link = await invite(email, 'Tmp-pass-8');
  const { page, problems } = await openPage(env.browser, link.replace(/email=[^&]*/, 'email=victim%40example.com'));
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.inputValue('#username'), 'victim@example.com');
  await choose(page, 'Forged-pass-9');
  await page.waitForSelector('#done:not([hidden])');
  assert.match(await page.textContent('#done-text'), /this link belongs to a different account/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito'))), []);
  assert.equal(page.url(), `${pagesOrigin}/welcome.html`);
  assert.deepEqual(problems, []);
});

test('an invitation link without its email sets the password but signs no one in', async () => {
  const email = 'invited+no-email@example.com';
  const link = await invite(email, 'Tmp-pass-9');
  const { page, problems } = await openPage(env.browser, link.replace(/&email=[^&]*/, ''));
  await page.waitForSelector('body[data-ready]');
  assert.match(await page.inputValue('#username'), /^[0-9a-f-]{36}$/, 'only the opaque pool username to show');
  await choose(page, 'No-email-pass-9');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await page.textContent('#done-text'), 'Your password is set. Sign in to finish setting up your account.');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito'))), []);
  assert.equal(page.url(), `${pagesOrigin}/welcome.html`);
  assert.equal(await statusOf(email), 'CONFIRMED', 'the chosen password is set');
  assert.equal(await canSignIn(env.stack, email, 'No-email-pass-9'), true);
  assert.deepEqual(problems, []);
});

test('an invitation whose email is not verified keeps no session', async () => {
  const email = 'invited+unverified@example.com';
  const { stack } = env;
  const mark = stack.output().length;
  const reply = await cognito(stack.endpoint, 'AdminCreateUser', {
    UserPoolId: stack.config.userPoolId, Username: email, TemporaryPassword: 'Tmp-pass-10', DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'false' }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  const link = (await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/welcome.html`)).replace(stack.pageOrigin, pagesOrigin);
  const { page, problems } = await openPage(env.browser, link);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.inputValue('#username'), email);
  await choose(page, 'Unverified-pass-10');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await page.textContent('#done-text'), 'Your password is set. Sign in to finish setting up your account.');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito'))), []);
  assert.equal(page.url(), `${pagesOrigin}/welcome.html`);
  assert.deepEqual(problems, []);
});

test('a challenge after the new password (MFA set-up) reads as set, and sends the person to sign in', async () => {
  const email = 'invited+mfa@example.com';
  const link = await invite(email, 'Tmp-pass-10');
  const { page, problems } = await openPage(env.browser, null);
  await page.route(env.stack.endpoint, async (route) => {
    if (!route.request().headers()['x-amz-target'].endsWith('.RespondToAuthChallenge')) return route.fallback();
    const real = await route.fetch();
    return route.fulfill({ response: real, body: JSON.stringify({ ChallengeName: 'MFA_SETUP', Session: 's2', ChallengeParameters: {} }) });
  });
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  await choose(page, 'Mfa-next-pass1');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await page.textContent('#done-text'), 'Your password is set. Sign in to finish setting up your account.');
  assert.equal(await page.textContent('h1'), 'Password set');
  assert.equal(await page.getAttribute('#sign-in', 'href'), env.stack.config.signInUrl);
  assert.equal(await statusOf(email), 'CONFIRMED', 'the password was set before the challenge');
  assert.deepEqual(problems, []);
});
