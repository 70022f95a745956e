// The fault matrix on sign-in.html, both steps: asking for a link, and answering with the
// code typed in the tab that asked. For every way a request can fail the person reads clear
// words, what they typed stays, requests never overlap, and a retry works once the fault
// clears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito, assertFaultExplained, FAULTS } from './harness.mjs';

let env;
before(async () => {
  env = await setUpPages('e2e-sign-in-faults', 19820, { session: 'amplify', afterSignInUrl: '/index.html?signed-in' });
});
after(async () => { await env?.close(); });

const EMAIL = 'someone@example.com';
/** An ID token as Cognito's names the account (the pages read its claims, not its signature). */
const idToken = () => ['eyJhbGciOiJSUzI1NiJ9', Buffer.from(JSON.stringify({ 'cognito:username': 'a1b2', email: EMAIL, email_verified: true })).toString('base64url'), 'sig'].join('.');
const SENT = { body: { ChallengeName: 'EMAIL_OTP', Session: 's'.repeat(120), ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 's***@e***' } } };
const SIGNED_IN = { body: { AuthenticationResult: { IdToken: idToken(), AccessToken: 'at', RefreshToken: 'rt', ExpiresIn: 3600, TokenType: 'Bearer' } } };

/** Each step: what to do before the fault, the press, what must stay, and success. */
const STEPS = {
  ask: {
    ready: async () => {},
    press: async (page) => { await page.fill('#username', EMAIL); await page.click('#submit'); },
    kept: async (page) => assert.equal(await page.inputValue('#username'), EMAIL),
    again: (page) => page.click('#submit'),
    succeeded: (page) => page.waitForSelector('#check:not([hidden])'),
    ok: SENT,
  },
  answer: {
    // Asked successfully first: the fault is on RespondToAuthChallenge.
    ready: async (page) => { await page.fill('#username', EMAIL); await page.click('#submit'); await page.waitForSelector('#check:not([hidden])'); },
    press: async (page) => { await page.fill('#code', '12345678'); await page.click('#code-submit'); },
    kept: async (page) => assert.equal(await page.inputValue('#code'), '12345678'),
    again: (page) => page.click('#code-submit'),
    succeeded: (page) => page.waitForURL(`${env.origin}/index.html?signed-in`),
    ok: SIGNED_IN,
  },
};

for (const [stepName, step] of Object.entries(STEPS)) {
  for (const [fault, answer, words, tries] of FAULTS) {
    test(`sign-in page, ${stepName}, ${fault}: clear words, input kept, ${tries} request(s) in sequence, retry works`, async () => {
      let failing = stepName === 'ask';
      const { page, problems } = await openPage(env.browser, null);
      const seen = await answerCognito(page, env.endpoint, (request) => {
        const target = request.headers()['x-amz-target'];
        if (target.endsWith('.InitiateAuth')) return failing ? answer() : SENT;
        return failing ? answer() : SIGNED_IN;
      });
      await page.goto(`${env.origin}/sign-in.html`);
      await page.waitForSelector('body[data-ready]');
      await step.ready(page);
      failing = true;
      const before = seen.length;
      await step.press(page);
      // The requests since the press, read when the assertion reads them (retries come later).
      const sincePress = { get length() { return seen.length - before; }, get maxInFlight() { return seen.maxInFlight; } };
      await assertFaultExplained(page, sincePress, words, tries, step.kept);
      if (stepName === 'answer' && /LimitExceeded/.test(fault)) {
        // Cognito's attempt limit spends the sign-in: the way on is a new link, not a retry.
        assert.equal(await page.isVisible('#new-link'), true, 'a new link is offered');
        return;
      }
      failing = false;
      await step.again(page);
      await step.succeeded(page);
      assert.deepEqual(problems.filter((p) => !/CORS|Access-Control|ERR_|status of 5|status of 4/.test(p)), []);
    });
  }
}
