// The whole reset-by-link flow in a real browser against cognito-local and the real trigger.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, requestLink, canSignIn } from './harness.mjs';

let env;
before(async () => { env = await setUp('e2e-flow', 19310); });
after(async () => { await env?.close(); });

/** Fills both password boxes and submits the reset form. */
async function chooseNewPassword(page, password, confirm = password) {
  await page.fill('#password', password);
  await page.fill('#confirm', confirm);
  await page.click('#submit');
}

for (const [index, label] of [[0, 'the demo user'], [1, 'a user whose email holds +']]) {
  test(`${label} resets the password from the emailed link`, async () => {
    const { stack, browser } = env;
    const user = stack.users[index];
    const { link, status, problems: forgotProblems } = await requestLink(browser, stack, user.email);
    assert.match(status, new RegExp(`If an account exists for ${user.email.replace('+', '\\+')}`));
    assert.match(link, /#confirmation_code=\d{6}&user_name=/, 'the code travels in the fragment');

    const { page, problems } = await openPage(browser, link);
    await page.waitForSelector('body[data-ready]');
    assert.equal(page.url(), `${stack.pageOrigin}/reset-password.html`, 'the code left the address bar');
    assert.equal(await page.getAttribute('#username', 'readonly'), '', 'the username from the link is locked');
    assert.equal(await page.inputValue('#username'), user.email, 'the person sees their email, not the opaque username');
    assert.equal(await page.isVisible('#code'), false, 'the code from the link is not asked for');
    const sentAt = Number(new URLSearchParams(link.split('#')[1]).get('sent'));
    assert.ok(Math.abs(sentAt - Date.now() / 1000) < 120, `the trigger wrote the time it sent the email: ${sentAt}`);
    const until = await page.evaluate((at) => {
      const when = new Date(at * 1000);
      const today = when.toDateString() === new Date().toDateString();
      const day = today ? {} : { weekday: 'long', day: 'numeric', month: 'long' };
      return when.toLocaleString('en', { hour: 'numeric', minute: '2-digit', ...day });
    }, sentAt + 3600);
    assert.equal(await page.textContent('#link-age'), `This link works until ${until}.`);

    const newPassword = `New-pass-${index}9x`;
    await chooseNewPassword(page, newPassword);
    await page.waitForSelector('#done:not([hidden])');
    assert.equal(await page.textContent('#done-text'), 'The password has been changed. You can now sign in with the new password.',
      'without sign-in the page cannot know whose account it was, and does not claim it');
    assert.equal(await page.getAttribute('#sign-in', 'href'), stack.config.signInUrl);
    assert.equal(await page.textContent('h1'), 'Password changed', 'the heading says what happened');

    await page.goBack();
    assert.equal(page.url(), 'about:blank', 'going back skips the link: it was replaced, not pushed');

    assert.equal(await canSignIn(stack, user.email, user.password), false, 'the old password no longer works');
    assert.equal(await canSignIn(stack, user.email, newPassword), true, 'the new password works');
    assert.deepEqual([...forgotProblems, ...problems], [], 'no CSP violation or script error');
  });
}

test('an old link says it has expired before asking for a password, and sends a new one', async () => {
  const { stack, browser } = env;
  const user = stack.users[0];
  const { link } = await requestLink(browser, stack, user.email);
  const sentAt = new URLSearchParams(link.split('#')[1]).get('sent');
  const { page, problems } = await openPage(browser, link.replace(`sent=${sentAt}`, `sent=${sentAt - 2 * 3600}`));
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /This reset link has expired \(links work for one hour\)/);
  assert.equal(await page.isVisible('#password'), false, 'no password is asked for a link that cannot work');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-link');
  const mark = stack.output().length;
  await page.click('#new-link');
  await page.waitForFunction(() => /We've sent a new link/.test(document.querySelector('#status').textContent));
  const fresh = await stack.nextLink(mark);
  assert.match(fresh, /#confirmation_code=\d{6}&user_name=.*&sent=\d+/, 'a new email with a new link');
  assert.deepEqual(problems, []);
});

test('an unknown account reads exactly like a known one', async () => {
  const { stack, browser } = env;
  const read = async (email) => {
    const { page } = await openPage(browser, `${stack.pageOrigin}/index.html`);
    await page.fill('#username', email);
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
    return (await page.textContent('main')).replace(email, '<who>');
  };
  const known = await read('demo@example.com');
  const unknown = await read('nobody-here@example.com');
  assert.equal(unknown, known);
});

test('a wrong code says the link does not work, keeps the passwords and offers a new link', async () => {
  const { stack, browser } = env;
  const { link } = await requestLink(browser, stack, 'demo@example.com');
  const wrong = link.replace(/confirmation_code=\d+/, 'confirmation_code=000000');
  const { page, problems } = await openPage(browser, wrong);
  await page.waitForSelector('body[data-ready]');
  await chooseNewPassword(page, 'Another-pass1');
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /This reset link doesn't work/);
  assert.equal(await page.inputValue('#password'), 'Another-pass1');
  assert.equal(await page.inputValue('#confirm'), 'Another-pass1');

  const mark = stack.output().length;
  await page.click('#new-link');
  await page.waitForFunction(() => /sent a new link/.test(document.querySelector('#status').textContent));
  const fresh = await stack.nextLink(mark);
  assert.notEqual(fresh, link, 'a new code was emailed');
  assert.deepEqual(problems, []);
});

test('an expired code says so', async () => {
  const { stack, browser } = env;
  const { page } = await openPage(browser, null);
  await page.route(stack.endpoint, (route) => route.fulfill({
    status: 400, contentType: 'application/x-amz-json-1.1',
    body: JSON.stringify({ __type: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' }),
  }));
  await page.goto(`${stack.pageOrigin}/reset-password.html#confirmation_code=123456&user_name=someone`);
  await page.waitForSelector('body[data-ready]');
  await chooseNewPassword(page, 'Another-pass1');
  await page.waitForSelector('#new-link:not([hidden])');
  assert.match(await page.textContent('#status'), /has expired/);
  assert.doesNotMatch(await page.textContent('body'), /Invalid code provided|Exception/);
});

test('a reload keeps the link working without putting it back in the address bar', async () => {
  const { stack, browser } = env;
  const { page, problems } = await openPage(browser, `${stack.pageOrigin}/reset-password.html#confirmation_code=424242&user_name=reload-user`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'Typed-before1');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal(page.url(), `${stack.pageOrigin}/reset-password.html`);
  assert.equal(await page.inputValue('#username'), 'reload-user');
  assert.equal(await page.isVisible('#code'), false, 'the code is still known');
  assert.deepEqual(problems, []);
});
