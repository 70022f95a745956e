// A changed email address confirmed by link: a signed-in person changes their address through
// cognito-local (UpdateUserAttributes runs the real trigger), and the emailed verify.html link
// confirms it with their stored session on one press, renewing an expired access token. The
// app's sign-in is played by storing the tokens where Amplify and amazon-cognito-identity-js
// keep them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, cognito } from './harness.mjs';

let env;
before(async () => { env = await setUp('e2e-verify', 19700); });
after(async () => { await env?.close(); });

/** Creates and signs in `email`; returns its tokens and pool username. */
async function signedIn(email) {
  const { stack } = env;
  await stack.addUser({ email, password: 'Verify-pass1' });
  const reply = await cognito(stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Verify-pass1' },
  });
  const tokens = reply.AuthenticationResult;
  const username = JSON.parse(Buffer.from(tokens.IdToken.split('.')[1], 'base64url').toString())['cognito:username'];
  return { tokens, username };
}

/** Changes the signed-in person's email to `newEmail`; returns the emailed link. */
async function changeEmail(tokens, newEmail) {
  const mark = env.stack.output().length;
  const reply = await cognito(env.stack.endpoint, 'UpdateUserAttributes', {
    AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: newEmail }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  return env.stack.nextLink(mark, 60_000, `${env.stack.pageOrigin}/verify.html`);
}

/** A page on the site with the session stored, as the app left it. */
async function pageWithSession({ tokens, username }) {
  const opened = await openPage(env.browser, `${env.stack.pageOrigin}/index.html`);
  const base = `CognitoIdentityServiceProvider.${env.stack.config.clientId}`;
  await opened.page.evaluate(({ base, username, tokens }) => {
    localStorage.setItem(`${base}.LastAuthUser`, username);
    localStorage.setItem(`${base}.${username}.idToken`, tokens.IdToken);
    localStorage.setItem(`${base}.${username}.accessToken`, tokens.AccessToken);
    localStorage.setItem(`${base}.${username}.refreshToken`, tokens.RefreshToken);
  }, { base, username, tokens });
  return opened;
}

/** Whether the pool has `email` verified for the account. */
async function verified(email) {
  const user = await cognito(env.stack.endpoint, 'AdminGetUser', { UserPoolId: env.stack.config.userPoolId, Username: email });
  return user.UserAttributes.find((a) => a.Name === 'email_verified')?.Value === 'true'
    && user.UserAttributes.find((a) => a.Name === 'email')?.Value === email;
}

/** Refuses the page's first VerifyUserAttribute as Cognito refuses an expired access token,
 * after `meanwhile()`; returns the calls as [target, AuthFlow or AccessToken]. */
async function expireFirstAccessToken(page, meanwhile = async () => {}) {
  const calls = [];
  await page.route(env.stack.endpoint, async (route) => {
    const body = route.request().postDataJSON();
    const target = route.request().headers()['x-amz-target'].split('.').pop();
    calls.push([target, body.AuthFlow ?? body.AccessToken]);
    if (target === 'VerifyUserAttribute' && calls.filter(([t]) => t === target).length === 1) {
      await meanwhile();
      return route.fulfill({ status: 400, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
        body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Access Token has expired' }) });
    }
    return route.fallback();
  });
  return calls;
}

/** Opens `link`, presses the button, and waits for the page to say it is done. */
async function confirmOnPress(page, link) {
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
}

test('the link confirms the new address with the stored session, on one press', async () => {
  const session = await signedIn('moving@example.com');
  const link = await changeEmail(session.tokens, 'moved@example.com');
  assert.match(link, /verify\.html#confirmation_code=\d{6}&user_name=[0-9a-f-]{36}&email=moved%40example\.com&attribute=email&sent=\d+$/);
  const { page, problems } = await pageWithSession(session);
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  assert.equal(page.url(), `${env.stack.pageOrigin}/verify.html`, 'the code left the address bar');
  assert.equal(await page.inputValue('#address'), 'moved@example.com');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'submit');
  assert.match(await page.textContent('#link-age'), /^This link works until /);
  await page.waitForTimeout(500);
  assert.equal(await verified('moved@example.com'), false, 'opening the link alone confirms nothing');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await page.textContent('#done-text'), 'Your new address is confirmed.');
  assert.equal(await verified('moved@example.com'), true);
  assert.deepEqual(problems, []);
});

test('an expired access token is renewed with the refresh token, then the address is confirmed', async () => {
  const session = await signedIn('renew@example.com');
  const link = await changeEmail(session.tokens, 'renewed@example.com');
  const { page, problems } = await pageWithSession(session);
  const calls = await expireFirstAccessToken(page);
  await confirmOnPress(page, link);
  assert.deepEqual(calls.map(([target]) => target), ['VerifyUserAttribute', 'InitiateAuth', 'VerifyUserAttribute']);
  assert.equal(calls[1][1], 'REFRESH_TOKEN_AUTH');
  assert.notEqual(calls[2][1], session.tokens.AccessToken, 'the renewed access token was used');
  const stored = await page.evaluate(({ base, user }) => localStorage.getItem(`${base}.${user}.accessToken`),
    { base: `CognitoIdentityServiceProvider.${env.stack.config.clientId}`, user: session.username });
  assert.equal(stored, calls[2][1], 'and stored for the app');
  assert.equal(await verified('renewed@example.com'), true);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('without a session on this browser the page shows the code to type in the app, and calls nothing', async () => {
  const session = await signedIn('elsewhere@example.com');
  const link = await changeEmail(session.tokens, 'elsewhere2@example.com');
  const code = new URLSearchParams(link.split('#')[1]).get('confirmation_code');
  const { page, problems } = await openPage(env.browser, null);
  const calls = [];
  page.on('request', (request) => { if (request.url().startsWith(env.stack.endpoint)) calls.push(request.url()); });
  await page.goto(link);
  await page.waitForSelector('#code-shown:not([hidden])');
  assert.equal(await page.textContent('#status'), 'To confirm it, open the app where you changed your address and enter this code:');
  assert.equal(await page.textContent('#code-shown'), code);
  assert.equal(await page.isVisible('#submit'), false);
  assert.deepEqual(calls, []);
  assert.deepEqual(problems, []);
});

test('a wrong code offers a new one, which the trigger sends as a new link', async () => {
  const session = await signedIn('retry@example.com');
  const link = await changeEmail(session.tokens, 'retried@example.com');
  const { page, problems } = await pageWithSession(session);
  await page.goto(link.replace(/confirmation_code=\d+/, 'confirmation_code=000000'));
  await page.waitForSelector('body[data-ready]');
  await page.click('#submit');
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /This link doesn't work/);
  const mark = env.stack.output().length;
  await page.click('#new-link');
  await page.waitForFunction(() => /sent a new link/.test(document.querySelector('#status').textContent));
  const fresh = await env.stack.nextLink(mark, 60_000, `${env.stack.pageOrigin}/verify.html`);
  assert.match(fresh, /confirmation_code=\d{6}.*attribute=email/);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

/** Opens `link` on a page where `session` is stored; resolves once the page shows the code
 * to type (no session used), with the Cognito calls it made. */
async function codeShownDespiteSession(session, link) {
  const { page, problems } = await pageWithSession(session);
  const calls = [];
  page.on('request', (request) => { if (request.url().startsWith(env.stack.endpoint)) calls.push(request.url()); });
  await page.goto(link);
  await page.waitForSelector('#code-shown:not([hidden])');
  assert.equal(await page.isVisible('#submit'), false, 'nothing to press: no session is used');
  return { page, problems, calls };
}

test('a link that names no account uses no stored session', async () => {
  const session = await signedIn('anonymous-link@example.com');
  const link = await changeEmail(session.tokens, 'anonymous-link2@example.com');
  const { problems, calls } = await codeShownDespiteSession(session, link.replace(/&user_name=[^&]*/, ''));
  assert.deepEqual(calls, []);
  assert.equal(await verified('anonymous-link2@example.com'), false);
  assert.deepEqual(problems, []);
});

test("another account's session on this browser is not used for the link's account", async () => {
  const linked = await signedIn('linked-account@example.com');
  const link = await changeEmail(linked.tokens, 'linked-account2@example.com');
  const other = await signedIn('other-account@example.com');
  const { problems, calls } = await codeShownDespiteSession(other, link);
  assert.deepEqual(calls, []);
  assert.equal(await verified('linked-account2@example.com'), false);
  assert.deepEqual(problems, []);
});

test('a renewal never changes who the app has signed in, nor writes tokens back once the app has moved on', async () => {
  const session = await signedIn('renew-keys@example.com');
  const link = await changeEmail(session.tokens, 'renewed-keys@example.com');
  const { page, problems } = await pageWithSession(session);
  const base = `CognitoIdentityServiceProvider.${env.stack.config.clientId}`;
  // Meanwhile the app, in another tab, signs someone else in.
  await expireFirstAccessToken(page, () => page.evaluate((key) => localStorage.setItem(key, 'someone-else'), `${base}.LastAuthUser`));
  await confirmOnPress(page, link);
  const stored = await page.evaluate((base) => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith(base))), base);
  assert.equal(stored[`${base}.LastAuthUser`], 'someone-else', 'the renewal left LastAuthUser as the app set it');
  assert.equal(stored[`${base}.${session.username}.accessToken`], session.tokens.AccessToken,
    'the renewed tokens were used for the press but not stored: the app no longer has this account signed in');
  assert.deepEqual(Object.keys(stored).filter((k) => k.includes('someone-else')), [], 'nothing written for another account');
  assert.equal(await verified('renewed-keys@example.com'), true);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});
