// A wrong clock never locks a person out, and the link leaves the address bar before the
// module runs: against the real local stack, a browser whose clock is two hours ahead (or
// behind) opens a reset link, and a browser that cannot load the module opens links that
// carry secrets. The server's clock is the Date of the page's own config.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, requestLink, canSignIn } from './harness.mjs';

const HOUR = 3600 * 1000;
const MAY_HAVE_EXPIRED = "By this device's clock, this link may have expired. You can still try it; if it doesn't work, ask for a new one.";

let env;
before(async () => { env = await setUp('e2e-clock', 19740); });
after(async () => { await env?.close(); });

/** A page whose clock reads `shift` ms from the real time (and runs on from there). */
async function pageWithClock(shift) {
  const opened = await openPage(env.browser, null);
  await opened.page.clock.install({ time: Date.now() + shift });
  return opened;
}

/** The link with its `sent=` moved by `seconds`. */
const sentMoved = (link, seconds) => link.replace(/sent=(\d+)/, (_, sent) => `sent=${Number(sent) + seconds}`);

test('a device clock two hours ahead: the form stays usable, the page says the link may have expired, and the reset works', async () => {
  const { stack, browser } = env;
  const email = 'fast-clock@example.com';
  await stack.addUser({ email, password: 'Fast-clock-old1' });
  const { link } = await requestLink(browser, stack, email);
  const { page, problems } = await pageWithClock(2 * HOUR);
  assert.ok(await page.evaluate(() => Date.now()) > Date.now() + 1.9 * HOUR, 'the page reads a clock two hours ahead');
  await page.goto(link);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('#link-age'), MAY_HAVE_EXPIRED);
  assert.equal(await page.isVisible('#form'), true, 'the form is not hidden');
  assert.equal(await page.isVisible('#new-link'), true, 'a new link is offered beside it');
  assert.doesNotMatch(await page.textContent('#status'), /has expired/);
  await page.fill('#password', 'Fast-clock-new1');
  await page.fill('#confirm', 'Fast-clock-new1');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  assert.equal(await canSignIn(stack, email, 'Fast-clock-new1'), true, 'Cognito had the last word: the code worked');
  assert.deepEqual(problems, []);
});

test('without a Date from the server, the device clock alone never hides the form', async () => {
  const { page } = await pageWithClock(2 * HOUR);
  await page.route('**/www/config.json', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== 'date'));
    await route.fulfill({ response, headers });
  });
  const sent = Math.floor(Date.now() / 1000);
  await page.goto(`${env.stack.pageOrigin}/reset-password.html#confirmation_code=123456&user_name=someone&sent=${sent}`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('#link-age'), MAY_HAVE_EXPIRED);
  assert.equal(await page.isVisible('#password'), true);
});

test('a link the server\'s clock calls expired gets the expired page, even on a device clock two hours behind', async () => {
  const { stack, browser } = env;
  const { link } = await requestLink(browser, stack, stack.users[0].email);
  const { page, problems } = await pageWithClock(-2 * HOUR);
  await page.goto(sentMoved(link, -2 * 3600));
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /This reset link has expired \(links work for one hour\)/);
  assert.equal(await page.isVisible('#password'), false, 'no password is asked for a link that cannot work');
  assert.equal(await page.isVisible('#link-age'), false);
  assert.deepEqual(problems, []);
});

// A device clock past each link's lifetime, on a link the server's clock calls fresh.
const PAGES = [
  ['confirm', 25 * HOUR, (sent) => `confirm.html#confirmation_code=123456&user_name=someone&sent=${sent}`, '#submit'],
  ['welcome', 8 * 24 * HOUR, (sent) => `welcome.html#user_name=someone&sent=${sent}&temporary_password=Tmp-pass1`, '#password'],
  ['verify', 25 * HOUR, (sent) => `verify.html#confirmation_code=123456&user_name=someone&attribute=email&email=new%40example.com&sent=${sent}`, '#link-age'],
];
for (const [name, shift, path, usable] of PAGES) {
  test(`${name}: a device clock past the link's lifetime says it may have expired and locks no one out`, async () => {
    const { page, problems } = await pageWithClock(shift);
    await page.goto(`${env.stack.pageOrigin}/${path(Math.floor(Date.now() / 1000))}`);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.textContent('#link-age'), MAY_HAVE_EXPIRED);
    assert.equal(await page.isVisible(usable), true);
    assert.doesNotMatch(await page.textContent('#status'), /has expired/);
    assert.deepEqual(problems, []);
  });
}

test('a module that cannot load leaves no code or temporary password in the address bar', async () => {
  for (const path of ['reset-password.html#confirmation_code=123456&user_name=someone', 'welcome.html#user_name=someone&temporary_password=Tmp-pass1',
    'reset-password.html?confirmation_code=123456&user_name=someone']) {
    const { page, context } = await openPage(env.browser, null);
    await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(`${env.stack.pageOrigin}/${path}`);
    await page.waitForSelector('#problem:not([hidden])');
    assert.match(await page.textContent('#problem'), /This page could not load/);
    assert.equal(page.url(), `${env.stack.pageOrigin}/${path.split(/[?#]/)[0]}`, `${path}: the address bar is bare`);
    await page.goBack();
    assert.equal(page.url(), 'about:blank', 'the link was replaced in history, not pushed');
    await context.close();
  }
});
