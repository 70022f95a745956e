// The fault matrix, on the forgot and reset pages (the welcome and verify pages:
// account-faults.test.mjs): for every way a request can fail, the person reads clear
// words, what they typed stays, a retry works once the fault clears, and requests never
// overlap (transient faults are retried in sequence, others not at all).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setUpPages, openPage, answerCognito, assertFaultExplained, cognitoError, FAULTS, OFFLINE } from './harness.mjs';

let env;
// A real server behind the configured endpoint, for the faults request routing cannot fake:
// a browser's CORS check, and being offline. `mode.cors` says whether it allows the pages.
const mode = { cors: true, hits: 0 };
let cognitoStandIn;
before(async () => {
  env = await setUpPages('e2e-faults', 19450);
  cognitoStandIn = createServer((req, res) => {
    const cors = mode.cors ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' } : {};
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    mode.hits += 1;
    const body = req.headers['x-amz-target'].endsWith('.ForgotPassword') ? '{"CodeDeliveryDetails":{}}' : '{}';
    return res.writeHead(200, { ...cors, 'Content-Type': 'application/x-amz-json-1.1' }).end(body);
  });
  await new Promise((resolve) => cognitoStandIn.listen(19451, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => cognitoStandIn?.close(resolve));
  await env?.close();
});


/** The two pages: how to open, fill, submit and recognise success on each. */
const PAGES = {
  forgot: {
    path: '/index.html',
    fill: (page) => page.fill('#username', 'someone@example.com'),
    kept: async (page) => assert.equal(await page.inputValue('#username'), 'someone@example.com'),
    succeeded: (page) => page.waitForFunction(() => /If an account exists/.test(document.querySelector('#status').textContent)),
    ok: { body: { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } } },
  },
  reset: {
    path: '/reset-password.html#confirmation_code=123456&user_name=someone',
    fill: async (page) => { await page.fill('#password', 'Fault-proof9'); await page.fill('#confirm', 'Fault-proof9'); },
    kept: async (page) => {
      assert.equal(await page.inputValue('#password'), 'Fault-proof9');
      assert.equal(await page.inputValue('#confirm'), 'Fault-proof9');
    },
    succeeded: (page) => page.waitForSelector('#done:not([hidden])'),
    ok: { body: {} },
  },
};

for (const [pageName, spec] of Object.entries(PAGES)) {
  for (const [fault, answer, words, tries] of FAULTS) {
    test(`${pageName} page, ${fault}: clear words, input kept, ${tries} request(s) in sequence, retry works`, async () => {
      let failing = true;
      const { page, problems } = await openPage(env.browser, null);
      const calls = await answerCognito(page, env.endpoint, () => (failing ? answer() : spec.ok));
      await page.goto(`${env.origin}${spec.path}`);
      await page.waitForSelector('body[data-ready]');
      await spec.fill(page);
      await page.click('#submit');
      await assertFaultExplained(page, calls, words, tries, spec.kept);
      failing = false;
      await page.click('#submit');
      await spec.succeeded(page);
      assert.equal(calls.length, tries + 1, 'one more request for one more click');
      assert.deepEqual(problems.filter((p) => !/CORS|Access-Control|ERR_/.test(p)), []);
    });
  }

  for (const [fault, breakIt, mendIt] of [
    ['a CORS failure', () => { mode.cors = false; }, () => { mode.cors = true; }],
    ['offline', (context) => context.setOffline(true), (context) => context.setOffline(false)],
  ]) {
    test(`${pageName} page, ${fault}: clear words, input kept, works again once mended`, async () => {
      const { page, context } = await openPage(env.browser, `${env.origin}${spec.path}`);
      await page.waitForSelector('body[data-ready]');
      await spec.fill(page);
      await breakIt(context);
      try {
        await page.click('#submit');
        await page.waitForSelector('#status.error', { timeout: 20_000 });
      } finally {
        await mendIt(context);
      }
      assert.match(await page.textContent('#status'), OFFLINE);
      await spec.kept(page);
      const before = mode.hits;
      await page.click('#submit');
      await spec.succeeded(page);
      assert.equal(mode.hits - before, 1, 'one request once mended');
    });
  }
}

// "Send me a new link", refused: the reset and confirm pages offer it after a spent code, and
// say what Cognito's refusal means in the forgot page's words, never a catalogue key.
const NEW_LINK_PAGES = {
  reset: {
    path: '/reset-password.html#confirmation_code=123456&user_name=someone',
    press: async (page) => {
      await page.fill('#password', 'Fault-proof9');
      await page.fill('#confirm', 'Fault-proof9');
      await page.click('#submit');
    },
    spent: () => cognitoError('ExpiredCodeException'),
  },
  confirm: {
    path: '/confirm.html#confirmation_code=123456&user_name=someone',
    press: (page) => page.click('#submit'),
    spent: () => cognitoError('ExpiredCodeException'),
  },
};
for (const [pageName, spec] of Object.entries(NEW_LINK_PAGES)) {
  for (const [refusal, answer, words] of [
    ['LimitExceeded', () => cognitoError('LimitExceededException'), /Too many requests for a link.*wait 15 minutes/],
    ['ResourceNotFound (a wrong client)', () => cognitoError('ResourceNotFoundException'), /wrong with this site's setup/],
  ]) {
    test(`${pageName} page, a new link refused with ${refusal}: its words, not a key`, async () => {
      const { page, problems } = await openPage(env.browser, null);
      const calls = await answerCognito(page, env.endpoint, (_, n) => (n === 1 ? spec.spent() : answer()));
      await page.goto(`${env.origin}${spec.path}`);
      await page.waitForSelector('body[data-ready]');
      await spec.press(page);
      await page.waitForSelector('#new-link:not([hidden])');
      await page.click('#new-link');
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('#status').textContent), words.source);
      assert.doesNotMatch(await page.textContent('#status'), /\b[a-z]+\.[a-z_]+\b/, 'no catalogue key');
      assert.equal(calls.length, 2);
      assert.deepEqual(problems, []);
    });
  }
}
