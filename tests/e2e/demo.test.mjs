// The local demo as `npm start` sets it up (the same stack options and settings): after a
// reset, or a sign-in by the printed link, the person lands signed in on the demo app page,
// which greets them by address from the stored session and signs them out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, requestLink } from './harness.mjs';
import { DEMO_SETTINGS, DEMO_STACK } from '../../scripts/local.mjs';

let env;
before(async () => {
  env = await setUp('e2e-demo', 19660, DEMO_STACK);
  env.stack.configure(DEMO_SETTINGS);
});
after(async () => { await env?.close(); });

test('after a reset the demo app greets the person by address, and signs them out', async () => {
  const user = env.stack.users[1];
  const { link } = await requestLink(env.browser, env.stack, user.email);
  const { page, problems } = await openPage(env.browser, link);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'Demo-app-pass1');
  await page.fill('#confirm', 'Demo-app-pass1');
  await page.click('#submit');
  await page.waitForURL(`${env.stack.pageOrigin}/local/app.html`);
  await page.waitForFunction(() => document.querySelector('#who').textContent.startsWith('Signed in'));
  assert.match(await page.textContent('#who'), new RegExp(`^Signed in as ${user.email.replace('+', '\\+')}\\.`));
  await page.click('#sign-out');
  assert.equal(await page.textContent('#who'), 'Signed out.');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('Cognito'))), []);
  assert.deepEqual(problems, []);
});

test('sign-in.html, then the printed sign-in link in the same browser: signed in on the demo app, greeted by address', async () => {
  const user = env.stack.users[0];
  const { page, context, problems } = await openPage(env.browser, `${env.stack.pageOrigin}/sign-in.html`);
  await page.waitForSelector('body[data-ready]');
  const mark = env.stack.output().length;
  await page.fill('#username', user.email);
  await page.click('#submit');
  await page.waitForSelector('#check:not([hidden])');
  // The link as `npm start` prints it: the one the trigger wrote into the email.
  const link = await env.stack.nextLink(mark, 30_000, `${env.stack.pageOrigin}/sign-in.html`);
  const linkTab = await context.newPage();
  await linkTab.goto(link);
  await linkTab.waitForSelector('#sign-in-now:not([disabled])');
  await linkTab.click('#sign-in-now');
  await linkTab.waitForURL(`${env.stack.pageOrigin}/local/app.html`);
  await linkTab.waitForFunction(() => document.querySelector('#who').textContent.startsWith('Signed in'));
  assert.match(await linkTab.textContent('#who'), new RegExp(`^Signed in as ${user.email.replace(/[.+]/g, (c) => `\\${c}`)}\\.`));
  assert.deepEqual(problems, []);
  await context.close();
});
