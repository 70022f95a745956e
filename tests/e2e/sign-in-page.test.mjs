// sign-in.html on the real stack, with the local USER_AUTH / EMAIL_OTP stand-in in front of
// cognito-local (scripts/passwordless-local.mjs) and the real trigger writing the emails.
// The trigger (SIGN_IN_LINKS on in this stack) writes the link; a test that needs another
// link builds it the same way: sign-in.html#sign_in_code=<code>&user_name=<username>&sent=<now>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, sessionAsAppSeesIt } from './harness.mjs';


let env;
let pages;
before(async () => {
  env = await setUp('e2e-sign-in-page', 19800, { signInByLink: true });
  // The stand-in answers an unknown account as Cognito does with PreventUserExistenceErrors,
  // so the masked destination may be shown.
  env.stack.configure({ session: 'amplify', afterSignInUrl: '/local/app.html?signed-in', resendCooldownSeconds: 2, showDestination: true });
  pages = env.stack.pageOrigin;
});
after(async () => { await env?.close(); });

/** The code of the next email printed after `mark` characters of the stack's output. */
async function codeSince(mark) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const email = env.stack.output().slice(mark).split('Confirmation Code Delivery')[1];
    const code = email?.match(/^Code:\s+(\d{6})$/m)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no sign-in code was printed');
}

/** A link as the trigger writes it, for `username` and `code`. */
const linkFor = (username, code) => `${pages}/sign-in.html#sign_in_code=${code}&user_name=${encodeURIComponent(username)}&sent=${Math.floor(Date.now() / 1000)}`;

/** Opens sign-in.html in a new context and asks for a link for `email`; returns the page and the code. */
async function ask(email) {
  const opened = await openPage(env.browser, `${pages}/sign-in.html`);
  await opened.page.waitForSelector('body[data-ready]');
  const mark = env.stack.output().length;
  await opened.page.fill('#username', email);
  await opened.page.click('#submit');
  await opened.page.waitForSelector('#check:not([hidden])');
  const code = email.startsWith('nobody') ? null : await codeSince(mark);
  const link = code && await env.stack.nextLink(mark, 30_000, `${pages}/sign-in.html`);
  return { ...opened, code, link };
}

/** The Cognito operations `page` calls, recorded. */
function recordCalls(page) {
  const calls = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) calls.push(target.split('.').pop());
  });
  return calls;
}

test('the email typed gets "check your email" with the masked destination; the link in the same browser signs in on one press, and the tab that asked moves on too', async () => {
  const { page, context, code, link, problems } = await ask('demo@example.com');
  assert.equal(new URLSearchParams(new URL(link).hash.slice(1)).get('sign_in_code'), code, "the trigger's link carries the emailed code");
  assert.match(await page.textContent('#status'), /demo@example\.com.*d\*\*\*@e\*\*\*/s);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith('.pendingSignIn'))), 'the pending sign-in is kept');
  const linkTab = await context.newPage();
  const calls = recordCalls(linkTab);
  await linkTab.goto(link);
  await linkTab.waitForSelector('body[data-ready]');
  await linkTab.waitForSelector('#sign-in-now:not([disabled])');
  assert.match(await linkTab.textContent('#link-age'), /This link works until/, "the link's age shows");
  await linkTab.waitForTimeout(500);
  assert.deepEqual(calls, [], 'nothing is sent on load');
  await linkTab.click('#sign-in-now');
  await linkTab.waitForURL(`${pages}/local/app.html?signed-in`);
  await page.waitForURL(`${pages}/local/app.html?signed-in`);
  assert.deepEqual(calls, ['RespondToAuthChallenge']);
  const session = (await sessionAsAppSeesIt(linkTab, env.stack.config)).session;
  assert.equal(session.isValid(), true);
  assert.equal(session.getIdToken().payload.email, 'demo@example.com');
  assert.equal(await linkTab.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.pendingSignIn')).length), 0, 'the pending sign-in is spent');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the link in another browser shows the code to type where the person asked, and calls nothing', async () => {
  const asker = await ask('demo@example.com');
  const { page, context, problems } = await openPage(env.browser, null);
  const calls = recordCalls(page);
  await page.goto(linkFor('demo@example.com', asker.code));
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('#code-shown'), asker.code);
  assert.equal(await page.isVisible('#code-shown'), true);
  assert.match(await page.textContent('#status'), /Type this code where you asked to sign in/);
  assert.equal(await page.isVisible('#start-again'), true);
  assert.equal(await page.isVisible('#sign-in-now'), false);
  assert.equal(await page.isVisible('#form'), false);
  await page.waitForTimeout(500);
  assert.deepEqual(calls, []);
  assert.deepEqual(problems, []);
  // The code typed in the tab that asked signs in.
  await asker.page.fill('#code', asker.code);
  await asker.page.click('#code-submit');
  await asker.page.waitForURL(`${pages}/local/app.html?signed-in`);
  assert.equal((await sessionAsAppSeesIt(asker.page, env.stack.config)).session.getIdToken().payload.email, 'demo@example.com');
  await context.close();
  await asker.context.close();
});

test('a wrong code keeps what was typed and says so; the right one then works', async () => {
  const { page, context, code, problems } = await ask('jane+reset@example.com');
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await page.fill('#code', wrong);
  await page.click('#code-submit');
  await page.waitForFunction(() => /isn't right/.test(document.querySelector('#status').textContent));
  assert.equal(await page.inputValue('#code'), wrong);
  assert.equal(await page.evaluate(() => document.querySelector('#status').classList.contains('error')), true);
  await page.fill('#code', code);
  await page.click('#code-submit');
  await page.waitForURL(`${pages}/local/app.html?signed-in`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown account reads the same as a known one', async () => {
  const known = await ask('demo@example.com');
  const unknown = await ask('nobody@example.com');
  const words = async ({ page }, email) => (await page.textContent('#status')).replace(email, 'WHO').replace(/[a-z]\*\*\*@/, 'X***@');
  assert.equal(await words(unknown, 'nobody@example.com'), await words(known, 'demo@example.com'));
  assert.equal(await unknown.page.isVisible('#code'), true);
  await known.context.close();
  await unknown.context.close();
});

/** Answers the page's every RespondToAuthChallenge with Cognito's error `type` (or no answer
 * at all, for 'offline': the page retries that) until the returned function is called;
 * everything else goes to the stack. */
async function failAnswers(page, type) {
  await page.route(env.stack.endpoint, async (route) => {
    if (!route.request().headers()['x-amz-target'].endsWith('.RespondToAuthChallenge')) return route.fallback();
    if (type === 'offline') return route.abort('internetdisconnected');
    return route.fulfill({ status: 400, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({ __type: type, message: `raw ${type} message` }) });
  });
  return () => page.unroute(env.stack.endpoint);
}

test('offline, an expired sign-in and too many attempts read as plain words; a new link asks again for the same account and its code works', async () => {
  const { page, context, code, problems } = await ask('demo@example.com');
  const status = () => page.textContent('#status');
  let stop = await failAnswers(page, 'offline');
  await page.fill('#code', code);
  await page.click('#code-submit');
  await page.waitForFunction(() => /couldn't reach the server/.test(document.querySelector('#status').textContent), null, { timeout: 20_000 });
  assert.equal(await page.inputValue('#code'), code, 'what was typed stays');
  await stop();
  stop = await failAnswers(page, 'NotAuthorizedException');
  await page.click('#code-submit');
  await page.waitForFunction(() => /expired or was already used/.test(document.querySelector('#status').textContent));
  await stop();
  assert.doesNotMatch(await status(), /Exception|raw/);
  await page.waitForSelector('#new-link:not([hidden]):not([disabled])');
  const mark = env.stack.output().length;
  await page.click('#new-link');
  await page.waitForFunction(() => /sent a new link/.test(document.querySelector('#status').textContent));
  const fresh = await codeSince(mark);
  await page.fill('#code', fresh);
  await page.click('#code-submit');
  await page.waitForURL(`${pages}/local/app.html?signed-in`);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();

  const again = await ask('demo@example.com');
  await failAnswers(again.page, 'LimitExceededException');
  await again.page.fill('#code', again.code);
  await again.page.click('#code-submit');
  await again.page.waitForFunction(() => /Too many attempts/.test(document.querySelector('#status').textContent));
  assert.equal(await again.page.isVisible('#new-link'), true);
  await again.context.close();
});

test('a link whose code is not a code shows nothing of it, and a link for another account cannot use this browser\'s pending sign-in', async () => {
  const { page, context, problems } = await ask('demo@example.com');
  assert.equal(await page.isVisible('#password-way'), true, 'the password sign-in is offered to everyone who asked');
  const forged = await context.newPage();
  const calls = recordCalls(forged);
  await forged.goto(`${pages}/sign-in.html#sign_in_code=ACCOUNT-LOCKED:call-us&user_name=demo%40example.com&sent=${Math.floor(Date.now() / 1000)}`);
  await forged.waitForSelector('body[data-ready]');
  assert.equal(await forged.isVisible('#sign-in-now'), false, 'no button for a link that carries no code');
  assert.equal(await forged.isVisible('#code-shown'), false, 'the text is not shown in large type');
  const other = await context.newPage();
  await other.goto(linkFor('jane+reset@example.com', '123456'));
  await other.waitForSelector('body[data-ready]');
  assert.equal(await other.isVisible('#sign-in-now'), false, "another account's link does not get this browser's sign-in");
  assert.match(await other.textContent('#status'), /never tell anyone this code/);
  assert.deepEqual(calls, [], 'nothing was sent');
  assert.deepEqual(problems, []);
});
