// Mail security scanners open the links in incoming email in a real browser and run the
// page's scripts, without typing or clicking. Every page an email links to must then change
// nothing: a Cognito call that changes an account runs only after a person's click or submit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito } from './harness.mjs';

let env;
before(async () => { env = await setUpPages('e2e-scanner', 19470, { signIn: 'srp', userPoolId: 'local_AbC123' }); });
after(async () => { await env?.close(); });

/** Cognito operations that change an account or send a message. */
const CHANGING = ['ConfirmSignUp', 'ConfirmForgotPassword', 'ForgotPassword', 'ResendConfirmationCode', 'SignUp',
  'RespondToAuthChallenge', 'VerifyUserAttribute', 'GetUserAttributeVerificationCode', 'ChangePassword', 'InitiateAuth'];

/** What the emails link to, and the pages people reach from a sign-in page. */
const LINKED = [
  '/reset-password.html#confirmation_code=123456&user_name=jane%2Bx%40example.com&email=jane%2Bx%40example.com',
  '/confirm.html#confirmation_code=123456&user_name=new%2Bmember%40example.com',
  '/welcome.html#user_name=3f2a&email=new%40example.com&sent=1796400000&temporary_password=Tmp&Pass1',
  '/index.html?email=jane%40example.com',
  '/verify.html#confirmation_code=123456&user_name=3f2a&email=moved%40example.com&attribute=email&sent=1796400000',
  '/sign-in.html#confirmation_code=123456&user_name=jane%40example.com&sent=1796400000',
];

for (const path of LINKED) {
  const name = path.split(/[?#]/)[0];
  test(`${name} opened as a scanner would (scripts run, no typing, no click) calls nothing that changes an account`, async () => {
    const { page, problems } = await openPage(env.browser, null);
    const calls = await answerCognito(page, env.endpoint, () => ({ status: 200, body: {} }));
    // The app's session is stored on this origin, as for a person who is signed in: the
    // verify page could use it, and must still wait for a press (so must the sign-in page,
    // with its pending sign-in).
    await page.addInitScript(() => {
      localStorage.setItem('CognitoIdentityServiceProvider.testclient.LastAuthUser', '3f2a');
      localStorage.setItem('CognitoIdentityServiceProvider.testclient.3f2a.accessToken', 'a.b.c');
      localStorage.setItem('CognitoIdentityServiceProvider.testclient.3f2a.refreshToken', 'r');
      // A sign-in by link pending in this browser: the sign-in page shows its one button.
      const pending = { username: 'jane@example.com', session: 's', asked_at: Math.floor(Date.now() / 1000) };
      localStorage.setItem('cognito-reset-link.testclient.pendingSignIn', JSON.stringify(pending));
    });
    await page.goto(`${env.origin}${path}`);
    await page.waitForSelector('body[data-ready]');
    await page.waitForTimeout(3000);
    const changing = calls.filter((target) => CHANGING.some((operation) => target.endsWith(`.${operation}`)));
    assert.deepEqual(changing, [], `${name} called ${changing.join(', ')} on load`);
    assert.deepEqual(problems, []);
  });
}

test("the confirm page's one click is what confirms", async () => {
  const { page } = await openPage(env.browser, null);
  const calls = await answerCognito(page, env.endpoint, () => ({ status: 200, body: {} }));
  await page.goto(`${env.origin}${LINKED[1]}`);
  await page.waitForSelector('body[data-ready]');
  assert.deepEqual([...calls], []);
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.deepEqual([...calls], ['AWSCognitoIdentityProviderService.ConfirmSignUp']);
});
