// The fault matrix on the welcome and verify pages, whose press signs an invited person in
// (InitiateAuth, then the new password) or confirms an address with the stored session
// (VerifyUserAttribute): for every way the request can fail, the person reads clear words,
// what they typed stays, requests never overlap, and a press once the fault clears works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito, assertFaultExplained, FAULTS } from './harness.mjs';

let env;
before(async () => { env = await setUpPages('e2e-account-faults', 19452, { signIn: 'password' }); });
after(async () => { await env?.close(); });

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An ID token naming `someone` (the pages read its claims; Cognito checks the signature). */
const ID_TOKEN = `${base64url({ alg: 'RS256' })}.${base64url({ 'cognito:username': 'someone', email: 'someone@example.com', sub: 'someone' })}.c2ln`;

const PAGES = {
  welcome: {
    link: () => `/welcome.html#user_name=someone&email=someone%40example.com&sent=${Math.floor(Date.now() / 1000)}&temporary_password=Tmp-pass1`,
    prepare: async () => {},
    fill: async (page) => { await page.fill('#password', 'Fault-proof9'); await page.fill('#confirm', 'Fault-proof9'); },
    kept: async (page) => {
      assert.equal(await page.inputValue('#password'), 'Fault-proof9');
      assert.equal(await page.inputValue('#confirm'), 'Fault-proof9');
    },
    // The faults hit the first request; once mended, the temporary password asks for a new
    // one, and the pool then asks for MFA set-up (the person signs in to finish).
    failing: 'InitiateAuth',
    ok: (target) => (target === 'InitiateAuth'
      ? { body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's1', ChallengeParameters: { USER_ID_FOR_SRP: 'someone', requiredAttributes: '[]' } } }
      : { body: { ChallengeName: 'MFA_SETUP', Session: 's2', ChallengeParameters: {} } }),
    requests: 2,
    done: /Sign in to finish/,
  },
  verify: {
    link: () => `/verify.html#confirmation_code=123456&user_name=someone&email=new%40example.com&attribute=email&sent=${Math.floor(Date.now() / 1000)}`,
    // The app left its session in this origin's storage, where Amplify keeps it.
    prepare: (page) => page.evaluate((idToken) => {
      const base = 'CognitoIdentityServiceProvider.testclient';
      localStorage.setItem(`${base}.LastAuthUser`, 'someone');
      localStorage.setItem(`${base}.someone.idToken`, idToken);
      localStorage.setItem(`${base}.someone.accessToken`, 'access');
      localStorage.setItem(`${base}.someone.refreshToken`, 'refresh');
    }, ID_TOKEN),
    fill: async () => {},
    kept: async (page) => assert.equal(await page.inputValue('#address'), 'new@example.com'),
    failing: 'VerifyUserAttribute',
    ok: () => ({ body: {} }),
    requests: 1,
    done: /new address is confirmed/,
  },
};

for (const [pageName, spec] of Object.entries(PAGES)) {
  for (const [fault, answer, words, tries] of FAULTS) {
    test(`${pageName} page, ${fault}: clear words, input kept, ${tries} request(s) in sequence, retry works`, async () => {
      let failing = true;
      const { page, problems } = await openPage(env.browser, `${env.origin}/index.html`);
      await spec.prepare(page);
      const calls = await answerCognito(page, env.endpoint, (request) => {
        const target = request.headers()['x-amz-target'].split('.').pop();
        return failing && target === spec.failing ? answer() : spec.ok(target);
      });
      await page.goto(`${env.origin}${spec.link()}`);
      await page.waitForSelector('body[data-ready]');
      await spec.fill(page);
      await page.click('#submit');
      await assertFaultExplained(page, calls, words, tries, spec.kept);
      failing = false;
      await page.click('#submit');
      await page.waitForSelector('#done:not([hidden])');
      assert.match(await page.textContent('#done-text'), spec.done);
      assert.equal(calls.length, tries + spec.requests, 'the requests of one more press');
      assert.deepEqual(problems.filter((p) => !/CORS|Access-Control|ERR_/.test(p)), []);
    });
  }
}
