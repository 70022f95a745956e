// The example app's pages (tests/npm/app/<flow>.ts, one per flow), driven as a person uses
// them: each against the local stack, with the real trigger's emailed link opened on the
// app's page. Every driver checks that the page sends nothing to Cognito on load, and names
// the wasm files the page downloaded.
import assert from 'node:assert/strict';
import { canSignIn, cognito, openPage } from '../e2e/harness.mjs';

/** The example pages' origin (tests/npm/package.test.mjs serves them). */
export const APP = 'http://127.0.0.1:19549';

/** Opens `path` of the app in a fresh context (or `context`), ready; records the Cognito
 * calls (their targets) and the wasm files fetched. */
async function openApp(env, path, context) {
  const opened = context ? { context, page: await context.newPage(), problems: [] } : await openPage(env.browser);
  const calls = [];
  const wasm = [];
  opened.page.on('request', (request) => {
    if (request.url().startsWith(env.stack.endpoint)) calls.push(request.headers()['x-amz-target']?.split('.').pop());
    const file = new URL(request.url()).pathname.slice(1);
    if (file.endsWith('.wasm') && !wasm.includes(file)) wasm.push(file);
  });
  await opened.page.goto(`${APP}/${path}`);
  await opened.page.waitForSelector('body[data-ready]', { state: 'attached' });
  return { ...opened, calls, wasm };
}

/** The emailed `link` to the kit's `page`, opened on the app's `path` instead. */
const onApp = (env, link, page, path) => link.replace(`${env.stack.pageOrigin}/${page}`, `${APP}/${path}`);

/** Waits for `#status` to match `words`; returns its text. */
async function status(page, words) {
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#status').textContent), words.source, { timeout: 15_000 });
  } catch {
    assert.fail(`#status never matched ${words}: it says "${await page.textContent('#status')}"`);
  }
  return page.textContent('#status');
}

/** Opens `link` on the app: the address bar keeps no parameter, and nothing was sent on load. */
async function openLink(opened, link) {
  // From another document: a link to the page already open would only change its fragment.
  await opened.page.goto('about:blank');
  await opened.page.goto(link);
  await opened.page.waitForSelector('body[data-ready]', { state: 'attached' });
  assert.equal(opened.page.url(), link.split(/[?#]/)[0], 'the link leaves the address bar');
  assert.deepEqual(opened.calls, [], 'nothing is sent to Cognito on load');
}

/** Reset: ask for a link, open it, a password the policy refuses, then a good one: signed in. */
export async function resetFlow(env) {
  const { stack } = env;
  const user = { email: 'example-reset@example.com', password: 'Example-old1' };
  await stack.addUser(user);
  const app = await openApp(env, 'reset.html');
  const mark = stack.output().length;
  await app.page.fill('#email', user.email);
  await app.page.click('#send');
  await status(app.page, /we have emailed it a link/);
  const link = onApp(env, await stack.nextLink(mark), 'reset-password.html', 'reset.html');
  app.calls.length = 0;
  await openLink(app, link);
  assert.equal(await app.page.textContent('#account'), user.email);
  await app.page.fill('#password', 'short');
  await app.page.fill('#confirm', 'short');
  await app.page.click('#submit');
  assert.equal(await status(app.page, /characters/), 'At least 8 characters');
  assert.deepEqual(app.calls, [], 'a refused password is not sent');
  await app.page.fill('#password', 'Example-reset1');
  await app.page.fill('#confirm', 'Example-reset1');
  await app.page.click('#submit');
  await status(app.page, /^Signed in as /);
  assert.deepEqual(app.calls, ['ConfirmForgotPassword', 'InitiateAuth']);
  assert.equal(await canSignIn(stack, user.email, 'Example-reset1'), true);
  assert.deepEqual(await app.page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored: the app did not ask');
  assert.deepEqual(app.problems, []);
  await app.context.close();
}

/** Sign-up: the link confirms the account on the press; again says it was ready; no SRP. */
export async function signUpFlow(env) {
  const { stack } = env;
  const email = 'example-signup@example.com';
  const mark = stack.output().length;
  const reply = await cognito(stack.endpoint, 'SignUp', {
    ClientId: stack.config.clientId, Username: email, Password: 'Example-signup1', UserAttributes: [{ Name: 'email', Value: email }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  const link = onApp(env, await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/confirm.html`), 'confirm.html', 'sign-up.html');
  const app = await openApp(env, 'sign-up.html');
  await openLink(app, link);
  assert.equal(await app.page.textContent('#account'), email);
  await app.page.click('#confirm');
  await status(app.page, /^Your account is ready/);
  const user = await cognito(stack.endpoint, 'AdminGetUser', { UserPoolId: stack.config.userPoolId, Username: email });
  assert.equal(user.UserStatus, 'CONFIRMED');
  // Pressed again: Cognito answers NotAuthorizedException for a confirmed account (cognito-local
  // says ExpiredCodeException instead, so that answer is Cognito's, given here).
  await app.page.route(`${stack.endpoint}**`, (route) => route.fulfill({ status: 400, contentType: 'application/x-amz-json-1.1',
    body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' }) }));
  await app.page.click('#confirm');
  await status(app.page, /ready already/);
  assert.deepEqual(app.calls, ['ConfirmSignUp', 'ConfirmSignUp']);
  assert.deepEqual(app.wasm, ['cognito_reset_link_bg.wasm'], 'an app that does not sign in never downloads SRP');
  assert.deepEqual(app.problems, []);
  await app.context.close();
}

/** Invitation: the pool asks for a detail first (nothing changes), then the password is set
 * and the person signed in. */
export async function invitationFlow(env) {
  const { stack } = env;
  const email = 'example-invited@example.com';
  const mark = stack.output().length;
  const reply = await cognito(stack.endpoint, 'AdminCreateUser', {
    UserPoolId: stack.config.userPoolId, Username: email, TemporaryPassword: 'Tmp&Pass#1%+=', DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
  const link = onApp(env, await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/welcome.html`), 'welcome.html', 'invitation.html');
  const app = await openApp(env, 'invitation.html');
  // cognito-local lists no required attributes: the first sign-in's answer says `name` is one.
  let first = true;
  let answered;
  await app.page.route(`${stack.endpoint}**`, async (route) => {
    const target = route.request().headers()['x-amz-target'];
    if (target?.endsWith('.RespondToAuthChallenge')) {
      const responses = Object.entries(route.request().postDataJSON().ChallengeResponses);
      answered = Object.fromEntries(responses.filter(([key]) => key.startsWith('userAttributes.')));
    }
    if (!target?.endsWith('.InitiateAuth') || !first) return route.fallback();
    first = false;
    const real = await route.fetch();
    const body = await real.json();
    body.ChallengeParameters.requiredAttributes = JSON.stringify(['userAttributes.name']);
    return route.fulfill({ response: real, body: JSON.stringify(body) });
  });
  await openLink(app, link);
  assert.equal(await app.page.textContent('#account'), email);
  await app.page.fill('#password', 'Example-invite1');
  await app.page.fill('#confirm', 'Example-invite1');
  await app.page.click('#submit');
  await app.page.waitForSelector('#detail-name');
  const user = () => cognito(stack.endpoint, 'AdminGetUser', { UserPoolId: stack.config.userPoolId, Username: email });
  assert.equal((await user()).UserStatus, 'FORCE_CHANGE_PASSWORD', 'nothing changed before the details');
  await app.page.fill('#detail-name', 'Ada Example');
  await app.page.click('#submit');
  await status(app.page, /^Signed in as /);
  assert.equal((await user()).UserStatus, 'CONFIRMED');
  assert.deepEqual(answered, { 'userAttributes.name': 'Ada Example' }, 'the detail went with the new password');
  assert.equal(await canSignIn(stack, email, 'Example-invite1'), true);
  assert.deepEqual(app.wasm.sort(), ['cognito_reset_link_bg.wasm', 'cognito_reset_link_password_bg.wasm']);
  assert.deepEqual(app.problems, []);
  await app.context.close();
}

/** Address change: with the person's session stored as Amplify keeps it, one press confirms
 * the new address; a browser without it shows the code to type in the app. */
export async function addressChangeFlow(env) {
  const { stack } = env;
  const email = 'example-moving@example.com';
  await stack.addUser({ email, password: 'Example-moving1' });
  const signedIn = await cognito(stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Example-moving1' },
  });
  const tokens = signedIn.AuthenticationResult;
  const username = JSON.parse(Buffer.from(tokens.IdToken.split('.')[1], 'base64url').toString())['cognito:username'];
  const mark = stack.output().length;
  const moved = await cognito(stack.endpoint, 'UpdateUserAttributes', { AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'email', Value: 'example-moved@example.com' }] });
  assert.equal(moved.status, 200, JSON.stringify(moved));
  const link = onApp(env, await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/verify.html`), 'verify.html', 'address-change.html');

  // Another browser: no session there, so no call; the code to type where the person is signed in.
  const elsewhere = await openApp(env, 'address-change.html');
  await openLink(elsewhere, link);
  await elsewhere.page.click('#confirm');
  const code = new URL(link).hash.match(/confirmation_code=(\d+)/)[1];
  assert.ok((await status(elsewhere.page, new RegExp(code))).length > code.length);
  assert.deepEqual(elsewhere.calls, []);
  await elsewhere.context.close();

  const app = await openApp(env, 'address-change.html');
  await app.page.evaluate(({ base, username, tokens }) => {
    localStorage.setItem(`${base}.LastAuthUser`, username);
    localStorage.setItem(`${base}.${username}.idToken`, tokens.IdToken);
    localStorage.setItem(`${base}.${username}.accessToken`, tokens.AccessToken);
    localStorage.setItem(`${base}.${username}.refreshToken`, tokens.RefreshToken);
  }, { base: `CognitoIdentityServiceProvider.${stack.config.clientId}`, username, tokens });
  await openLink(app, link);
  assert.equal(await app.page.textContent('#address'), 'example-moved@example.com');
  await app.page.click('#confirm');
  await status(app.page, /^Your new address is confirmed/);
  const user = await cognito(stack.endpoint, 'AdminGetUser', { UserPoolId: stack.config.userPoolId, Username: username });
  assert.equal(user.UserAttributes.find((a) => a.Name === 'email_verified')?.Value, 'true');
  assert.equal(user.UserAttributes.find((a) => a.Name === 'email')?.Value, 'example-moved@example.com');
  assert.deepEqual(app.calls, ['VerifyUserAttribute']);
  assert.deepEqual(app.problems, []);
  await app.context.close();
}

/** Sign-in by link: ask on the app's page, open the emailed link in the same browser, one
 * press signs in; in another browser the code is shown instead. */
export async function signInLinkFlow(env) {
  const { stack } = env;
  const user = { email: 'example-link@example.com', password: 'Example-link1' };
  await stack.addUser(user);
  const app = await openApp(env, 'sign-in-link.html');
  const mark = stack.output().length;
  await app.page.fill('#email', user.email);
  await app.page.click('#send');
  await status(app.page, /Check your email/);
  const link = onApp(env, await stack.nextLink(mark, 30_000, `${stack.pageOrigin}/sign-in.html`), 'sign-in.html', 'sign-in-link.html');
  const code = new URL(link).hash.match(/sign_in_code=(\d+)/)[1];

  const elsewhere = await openApp(env, 'sign-in-link.html');
  await openLink(elsewhere, link);
  await elsewhere.page.click('#finish');
  await status(elsewhere.page, new RegExp(`never tell anyone this code: ${code}$`));
  assert.deepEqual(elsewhere.calls, []);
  await elsewhere.context.close();

  // The link opened in a new tab of the browser that asked.
  const tab = await openApp(env, 'sign-in-link.html', app.context);
  await openLink(tab, link);
  await tab.page.click('#finish');
  await status(tab.page, /^Signed in as /);
  assert.deepEqual(tab.calls, ['RespondToAuthChallenge']);
  assert.deepEqual(tab.wasm, ['cognito_reset_link_bg.wasm'], 'sign-in by link needs no SRP');
  assert.ok(await tab.page.evaluate((id) => localStorage.getItem(`CognitoIdentityServiceProvider.${id}.LastAuthUser`) !== null, stack.config.clientId));
  assert.deepEqual(app.problems, []);
  await app.context.close();
}
