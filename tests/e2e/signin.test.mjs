// After the reset the page signs the person in (SRP, checked by a server that verifies the
// claim; USER_PASSWORD_AUTH against cognito-local), stores the session where
// amazon-cognito-identity-js and Amplify read it, and follows only allowed redirects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, requestLink, cognito, canSignIn, sessionAsAppSeesIt } from './harness.mjs';
import { startSrpServer } from './srp-server.mjs';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/paths.mjs';


let env;
let srp;
let pages;
const PAGES_PORT = 19365;
const pagesOrigin = `http://127.0.0.1:${PAGES_PORT}`;
const configFile = join(ROOT, '.run', 'e2e-signin', 'signin-config.json');

before(async () => {
  env = await setUp('e2e-signin', 19350);
  srp = await startSrpServer({ port: 19360, cognitoEndpoint: env.stack.endpoint, dbDir: join(ROOT, '.run', 'e2e-signin', '.cognito', 'db') });
  pages = await serve({ root: ROOT, port: PAGES_PORT, configFile, cognitoEndpoint: srp.endpoint });
});
after(async () => {
  await pages?.close();
  await srp?.close();
  await env?.close();
});

/** Serves the stack's config with `extra` keys and the SRP server as Cognito. */
function useConfig(extra) {
  writeFileSync(configFile, JSON.stringify({ ...env.stack.config, endpoint: srp.endpoint, ...extra }));
}

/** Resets `user`'s password from a fresh link (opened on the SRP-fronted pages), plus `suffix`. */
async function resetFromLink(user, newPassword, suffix = '', prepare = async () => {}) {
  const { link } = await requestLink(env.browser, env.stack, user.email);
  const { page, problems } = await openPage(env.browser, null);
  await prepare(page);
  await page.goto(link.replace(env.stack.pageOrigin, pagesOrigin) + suffix);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', newPassword);
  await page.fill('#confirm', newPassword);
  await page.click('#submit');
  return { page, problems };
}

test('SRP: the page signs in with the new password and hands the session to the app', async () => {
  useConfig({ signIn: 'srp', session: 'amplify', afterSignInUrl: '/index.html?signed-in' });
  const user = env.stack.users[0];
  srp.seen.length = 0;
  const { page, problems } = await resetFromLink(user, 'Srp-signed-in1');
  await page.waitForURL(`${pagesOrigin}/index.html?signed-in`);
  assert.deepEqual(srp.seen, ['USER_SRP_AUTH', 'PASSWORD_VERIFIER', 'verified'], 'the server checked the claim');
  const { user: appUser, session } = await sessionAsAppSeesIt(page, env.stack.config);
  assert.equal(session.isValid(), true);
  assert.equal(session.getIdToken().payload.email, user.email);
  assert.match(appUser.getUsername(), /^[0-9a-f-]{36}$/, 'stored under the pool username');
  assert.deepEqual(problems, []);
});

test('the SRP server refuses a wrong claim (so the test above could fail)', async () => {
  srp.seen.length = 0;
  const user = env.stack.users[0];
  const started = await cognito(srp.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH', ClientId: env.stack.config.clientId, AuthParameters: { USERNAME: user.email, SRP_A: 'abc123' },
  });
  const answer = await cognito(srp.endpoint, 'RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER', ClientId: env.stack.config.clientId, Session: started.Session,
    ChallengeResponses: { USERNAME: started.ChallengeParameters.USERNAME, PASSWORD_CLAIM_SECRET_BLOCK: started.ChallengeParameters.SECRET_BLOCK,
      TIMESTAMP: 'Mon Nov 30 06:05:09 UTC 2026', PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64') },
  });
  assert.equal(answer.__type, 'NotAuthorizedException');
  assert.deepEqual(srp.seen, ['USER_SRP_AUTH', 'PASSWORD_VERIFIER', 'rejected']);
});

test('USER_PASSWORD_AUTH (cognito-local): signed in, and an allowed redirect from the link is followed', async () => {
  useConfig({ signIn: 'password', redirectAllowList: [pagesOrigin], afterSignInUrl: '/index.html?fallback' });
  const user = env.stack.users[1];
  const target = `${pagesOrigin}/index.html?welcome-back`;
  const { page } = await resetFromLink(user, 'Password-flow1', `&redirect=${encodeURIComponent(target)}`);
  await page.waitForURL(target);
  const { session } = await sessionAsAppSeesIt(page, env.stack.config);
  assert.equal(session.getIdToken().payload.email, user.email);
});

test('a redirect to an origin not on the allow-list is ignored', async () => {
  useConfig({ signIn: 'password', redirectAllowList: [pagesOrigin], afterSignInUrl: '/index.html?fallback' });
  const user = env.stack.users[0];
  const { page } = await resetFromLink(user, 'Password-flow2', `&redirect=${encodeURIComponent('https://evil.example/phish')}`);
  await page.waitForURL(`${pagesOrigin}/index.html?fallback`);
});

test('with session "none" the person is signed in but nothing is stored', async () => {
  useConfig({ signIn: 'srp', session: 'none', afterSignInUrl: '/index.html?no-session' });
  const { page, problems } = await resetFromLink(env.stack.users[1], 'No-session-3x');
  await page.waitForURL(`${pagesOrigin}/index.html?no-session`);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito'))), []);
  assert.deepEqual(problems, []);
});

test('an MFA challenge after the reset reads as success and offers the sign-in page', async () => {
  useConfig({ signIn: 'srp', afterSignInUrl: '/index.html?never' });
  const challengeInstead = async (page) => {
    await page.route((url) => url.href.startsWith(srp.endpoint), async (route) => {
      if (!route.request().headers()['x-amz-target'].endsWith('.InitiateAuth')) return route.fallback();
      await route.fulfill({ status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
        body: JSON.stringify({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's', ChallengeParameters: {} }) });
    });
  };
  const { page, problems } = await resetFromLink(env.stack.users[0], 'Mfa-challenge4', '', challengeInstead);
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await page.textContent('#done-text'), 'The password has been changed. You can now sign in with the new password.',
    'not signed in: the words claim no account');
  assert.equal(await page.getAttribute('#sign-in', 'href'), env.stack.config.signInUrl);
  assert.equal(page.url(), `${pagesOrigin}/reset-password.html`, 'no redirect without a session');
  assert.deepEqual(problems, []);
});

/** The Cognito keys the page left in localStorage. */
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito')));

// Someone requests a reset for their own account, puts another person's address in the
// link's `email=` and sends it to that person, who sees their own address on the page.
for (const signIn of ['password', 'none']) {
  test(`a link whose email was changed to another person's keeps no session and says so (signIn: ${signIn})`, async () => {
    useConfig({ signIn, session: 'amplify', afterSignInUrl: '/index.html?never' });
    const [sender, victim] = env.stack.users;
    const newPassword = `Forged-${signIn}-9x`;
    const forged = `email=${encodeURIComponent(victim.email)}`;
    const { link } = await requestLink(env.browser, env.stack, sender.email);
    const { page, problems } = await openPage(env.browser, null);
    await page.goto(link.replace(env.stack.pageOrigin, pagesOrigin).replace(/email=[^&]*/, forged));
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.inputValue('#username'), victim.email, 'the forged address is what the person sees');
    await page.fill('#password', newPassword);
    await page.fill('#confirm', newPassword);
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    const words = await page.textContent('#done-text');
    if (signIn === 'password') {
      assert.match(words, /this link belongs to a different account than the one it showed, so you are not signed in/);
    } else {
      assert.equal(words, 'The password has been changed. You can now sign in with the new password.');
    }
    assert.doesNotMatch(words, /Your password|@/, 'no claim that it was their password, and no account named');
    assert.deepEqual(await storedKeys(page), [], "the sender's session is not kept");
    assert.equal(page.url(), `${pagesOrigin}/reset-password.html`, 'no redirect into the app');
    assert.equal(await canSignIn(env.stack, sender.email, newPassword), true, "Cognito changed the sender's password, as the code allows");
    assert.equal(await canSignIn(env.stack, victim.email, newPassword), false, "the victim's account is untouched");
    assert.deepEqual(problems, []);
  });
}

// Whose account is decided only by what Cognito has verified. In each case below a link's
// owner tries to leave someone else signed in to the owner's account. cognito-local's ID
// tokens carry Cognito's claims here (scripts/cognito-id-claims.cjs).

/** A fresh account of the pool (the seeded ones are shared by the tests above). */
async function freshUser(name) {
  const user = { email: `${name}@example.com`, password: 'Fresh-pass-1' };
  await env.stack.addUser(user);
  return user;
}

/** Sets attributes of `email`'s account as the admin API (or the owner) can. */
async function setAttributes(email, attributes) {
  const reply = await cognito(env.stack.endpoint, 'AdminUpdateUserAttributes', {
    UserPoolId: env.stack.config.userPoolId, Username: email, UserAttributes: attributes,
  });
  assert.equal(reply.status, 200, JSON.stringify(reply));
}

/** Opens `link` (rewritten by `edit`) and chooses `password`; with `done`, waits for the
 * words the page ends on. */
async function resetWithEditedLink(link, edit, password, { done = true } = {}) {
  const { page, problems } = await openPage(env.browser, null);
  const calls = [];
  page.on('request', (request) => { if (request.url().startsWith(srp.endpoint)) calls.push(request.headers()['x-amz-target']?.split('.').pop()); });
  await page.goto(edit(link.replace(env.stack.pageOrigin, pagesOrigin)));
  await page.waitForSelector('body[data-ready]');
  const shown = await page.inputValue('#username');
  await page.fill('#password', password);
  await page.fill('#confirm', password);
  await page.click('#submit');
  if (!done) return { page, problems, calls, shown };
  await page.waitForSelector('#done:not([hidden])');
  return { page, problems, calls, shown, words: await page.textContent('#done-text') };
}

/** The page ended with no session kept, no way into the app, and the sign-in link. */
async function assertNobodySignedIn(page) {
  assert.deepEqual(await storedKeys(page), [], 'no session is kept');
  assert.equal(page.url(), `${pagesOrigin}/reset-password.html`, 'no redirect into the app');
  assert.equal(await page.getAttribute('#sign-in', 'href'), env.stack.config.signInUrl);
}

for (const signIn of ['srp', 'password']) {
  test(`a link without its email shows an opaque id: the password is changed, nobody is signed in (signIn: ${signIn})`, async () => {
    useConfig({ signIn, session: 'amplify', afterSignInUrl: '/index.html?never' });
    const owner = await freshUser(`no-email-${signIn}`);
    const { link } = await requestLink(env.browser, env.stack, owner.email);
    const password = `No-email-${signIn}-7`;
    const { page, problems, calls, shown, words } = await resetWithEditedLink(link, (l) => l.replace(/&email=[^&]*/, ''), password);
    assert.match(shown, /^[0-9a-f-]{36}$/, 'the page could show only the pool username');
    assert.equal(words, 'Your password has been changed. Sign in to continue.');
    assert.deepEqual(calls, ['ConfirmForgotPassword'], 'no sign-in is attempted for an account nobody recognises');
    await assertNobodySignedIn(page);
    assert.equal(await canSignIn(env.stack, owner.email, password), true, 'the password is changed');
    assert.deepEqual(problems, []);
  });
}

test("a preferred_username set to another person's address names no one", async () => {
  useConfig({ signIn: 'srp', session: 'amplify', afterSignInUrl: '/index.html?never' });
  const owner = await freshUser('preferred-owner');
  const victim = 'preferred-victim@example.com';
  await setAttributes(owner.email, [{ Name: 'preferred_username', Value: victim }]);
  const { link } = await requestLink(env.browser, env.stack, owner.email);
  const { page, problems, calls, shown, words } = await resetWithEditedLink(link, (l) => l.replace(/email=[^&]*/, `email=${encodeURIComponent(victim)}`), 'Preferred-pass-7');
  assert.equal(shown, victim);
  assert.ok(calls.includes('RespondToAuthChallenge'), 'Cognito was asked, and its token names the owner');
  assert.match(words, /this link belongs to a different account than the one it showed, so you are not signed in/);
  await assertNobodySignedIn(page);
  assert.deepEqual(problems, []);
});

test("an email changed to another person's address, not verified, names no one", async () => {
  useConfig({ signIn: 'password', session: 'amplify', afterSignInUrl: '/index.html?never' });
  const owner = await freshUser('unverified-owner');
  const victim = 'unverified-victim@example.com';
  const { link } = await requestLink(env.browser, env.stack, owner.email);
  // The owner changes their own address after asking for the link; the pool applies it
  // unverified (a pool without AttributesRequireVerificationBeforeUpdate does).
  await setAttributes(owner.email, [{ Name: 'email', Value: victim }, { Name: 'email_verified', Value: 'false' }]);
  const { page, problems, shown, words } = await resetWithEditedLink(link, (l) => l.replace(/email=[^&]*/, `email=${encodeURIComponent(victim)}`), 'Unverified-pass-7');
  assert.equal(shown, victim);
  assert.equal(words, 'Your password has been changed. Sign in to continue.', 'an unverified address is nobody\'s proof');
  await assertNobodySignedIn(page);
  const username = new URLSearchParams(link.split('#')[1]).get('user_name');
  const token = await cognito(env.stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.stack.config.clientId, AuthParameters: { USERNAME: username, PASSWORD: 'Unverified-pass-7' },
  });
  const claims = JSON.parse(Buffer.from(token.AuthenticationResult.IdToken.split('.')[1], 'base64url'));
  assert.deepEqual([claims.email, claims.email_verified], [victim, false], "the token the page refused: the victim's address, unverified");
  assert.deepEqual(problems, []);
});

test('where people sign in with usernames, the username in the link names the account', async () => {
  useConfig({ signIn: 'password', session: 'amplify', signInWith: 'username', afterSignInUrl: '/index.html?by-username' });
  const owner = await freshUser('by-username');
  const { link } = await requestLink(env.browser, env.stack, owner.email);
  const { page, problems } = await resetWithEditedLink(link, (l) => l.replace(/&email=[^&]*/, ''), 'By-username-7', { done: false });
  await page.waitForURL(`${pagesOrigin}/index.html?by-username`);
  const { user: appUser } = await sessionAsAppSeesIt(page, env.stack.config);
  assert.equal(appUser.getUsername(), new URLSearchParams(link.split('#')[1]).get('user_name'), 'the session is kept');
  assert.deepEqual(problems, []);
});

// The SRP values that need no password (a, A) are made by the account module as soon as it
// has loaded, while the person types; a sign-in takes them once, and values older than the
// limit (10 minutes, core's srp::ahead) are replaced by new ones at the press.

/** Counts the page's draws of SRP's 128 random bytes, in sessionStorage: the count survives
 * the page moving on once signed in. */
function countDraws() {
  const draw = Crypto.prototype.getRandomValues;
  Crypto.prototype.getRandomValues = function getRandomValues(array) {
    if (array.length === 128) sessionStorage.setItem('srp-draws', String(Number(sessionStorage.getItem('srp-draws')) + 1));
    return draw.call(this, array);
  };
}
const draws = (page) => page.evaluate(() => Number(sessionStorage.getItem('srp-draws')));
/** Waits until the account module has made its values ahead (one draw, before any press). */
const madeAhead = (page) => page.waitForFunction(() => sessionStorage.getItem('srp-draws') === '1', null, { polling: 100, timeout: 15_000 });

for (const [title, minutes] of [['the values made while the person types serve the press', 0],
  ['a page left open half an hour, past the limit, makes new values at the press and signs in', 30]]) {
  test(`SRP: ${title}`, async () => {
    useConfig({ signIn: 'srp', session: 'amplify', afterSignInUrl: `/index.html?after-${minutes}` });
    const user = env.stack.users[1];
    const { link } = await requestLink(env.browser, env.stack, user.email);
    const { page, problems } = await openPage(env.browser, null);
    await page.clock.install();
    await page.addInitScript(countDraws);
    await page.goto(link.replace(env.stack.pageOrigin, pagesOrigin));
    await page.waitForSelector('body[data-ready]');
    await madeAhead(page);
    if (minutes) await page.clock.fastForward(minutes * 60_000);
    srp.seen.length = 0;
    await page.fill('#password', `Left-open-${minutes}-x`);
    await page.fill('#confirm', `Left-open-${minutes}-x`);
    await page.click('#submit');
    await page.waitForURL(`${pagesOrigin}/index.html?after-${minutes}`);
    assert.deepEqual(srp.seen, ['USER_SRP_AUTH', 'PASSWORD_VERIFIER', 'verified']);
    assert.equal(await draws(page), minutes ? 2 : 1, minutes ? 'the old values were replaced at the press' : 'the press used the values made ahead');
    const { session } = await sessionAsAppSeesIt(page, env.stack.config);
    assert.equal(session.getIdToken().payload.email, user.email);
    assert.deepEqual(problems, []);
  });
}

test('two SRP sign-ins on one page never send the same SRP_A (an invitation asking for details)', async () => {
  useConfig({ signIn: 'srp', session: 'amplify', afterSignInUrl: '/index.html?invited' });
  const email = 'invited+srp@example.com';
  const mark = env.stack.output().length;
  const created = await cognito(env.stack.endpoint, 'AdminCreateUser', {
    UserPoolId: env.stack.config.userPoolId, Username: email, TemporaryPassword: 'Tmp-srp-pass-1', DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  assert.equal(created.status, 200, JSON.stringify(created));
  const link = (await env.stack.nextLink(mark, 60_000, `${env.stack.pageOrigin}/welcome.html`)).replace(env.stack.pageOrigin, pagesOrigin);
  const { page, problems } = await openPage(env.browser, null);
  await page.addInitScript(countDraws);
  // The pool requires a detail (cognito-local never does): the first sign-in ends on the
  // question, and the press after it signs in again on the same page.
  await page.route((url) => url.href.startsWith(srp.endpoint), async (route) => {
    if (!route.request().headers()['x-amz-target'].endsWith('.RespondToAuthChallenge')) return route.fallback();
    const real = await route.fetch();
    const body = await real.json();
    if (body.ChallengeName === 'NEW_PASSWORD_REQUIRED') body.ChallengeParameters.requiredAttributes = JSON.stringify(['userAttributes.name']);
    return route.fulfill({ response: real, body: JSON.stringify(body) });
  });
  srp.seen.length = 0;
  srp.srpA.length = 0;
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  await madeAhead(page);
  await page.fill('#password', 'Invited-srp-2');
  await page.fill('#confirm', 'Invited-srp-2');
  await page.click('#submit');
  await page.waitForSelector('#details:not([hidden]) #detail-name');
  await page.fill('#detail-name', 'Jane Roe');
  await page.click('#submit');
  await page.waitForURL(`${pagesOrigin}/index.html?invited`);
  assert.deepEqual(srp.seen.filter((step) => step === 'verified').length, 2, 'both sign-ins proved the temporary password');
  assert.equal(srp.srpA.length, 2);
  assert.notEqual(srp.srpA[0], srp.srpA[1], 'each sign-in sent its own A');
  assert.equal(await draws(page), 2, 'the values made ahead served the first press only');
  assert.deepEqual(problems, []);
});
