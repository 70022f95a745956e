// A team's brand from config.json, without a rebuild: name, logo, colours, support contact
// and reworded sentences on every page; a brand the page cannot use keeps the kit's look and
// tells the deployer why in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUpPages, openPage, answerCognito, cognitoError, axeViolations } from './harness.mjs';

const PAGES = ['index.html', 'reset-password.html#confirmation_code=1&user_name=x', 'confirm.html#confirmation_code=1&user_name=x',
  'welcome.html#user_name=x&temporary_password=T1', 'verify.html#confirmation_code=1&user_name=x&attribute=email',
  'sign-in.html', 'sign-in.html#confirmation_code=1&user_name=x%40example.com'];
const BRAND = { name: 'Acme Cloud', logo: '/local/logo.svg', logoAlt: 'Acme logo', accent: '#7a1fa2', onAccent: '#ffffff', support: 'help@acme.example' };
let env;
before(async () => { env = await setUpPages('e2e-brand', 19720, { brand: BRAND, words: { en: { 'forgot.intro': 'Enter the address of your Acme Cloud account.' } } }); });
after(async () => { await env?.close(); });

test('every page carries the name, the logo and the colours, and stays accessible', async () => {
  for (const path of PAGES) {
    const { page, problems, context } = await openPage(env.browser, `${env.origin}/${path}`);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.textContent('#brand-name'), 'Acme Cloud', path);
    assert.match(await page.title(), / – Acme Cloud$/, path);
    await page.waitForFunction(() => document.querySelector('#brand-logo').complete);
    assert.deepEqual(await page.evaluate(() => {
      const logo = document.querySelector('#brand-logo');
      return { alt: logo.alt, loaded: logo.naturalWidth > 0, shown: !logo.hidden };
    }), { alt: 'Acme logo', loaded: true, shown: true }, path);
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('#submit'));
      return [style.backgroundColor, style.color];
    });
    assert.deepEqual(colours, ['rgb(122, 31, 162)', 'rgb(255, 255, 255)'], path);
    assert.deepEqual(await axeViolations(page), [], path);
    assert.deepEqual(problems, [], path);
    await context.close();
  }
});

test('reworded sentences replace the catalogue, and the support contact joins the words where help is needed', async () => {
  const { page, problems } = await openPage(env.browser, null);
  await answerCognito(page, env.endpoint, () => cognitoError('LimitExceededException'));
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('[data-i18n="forgot.intro"]'), 'Enter the address of your Acme Cloud account.');
  await page.fill('#username', 'someone@example.com');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  assert.match(await page.textContent('#status'), /wait 15 minutes.* Need help\? Contact help@acme\.example\.$/);
  // The reset page's answer comes from its account module, which takes the contact over.
  await page.goto(`${env.origin}/reset-password.html#confirmation_code=123456&user_name=someone`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'Long-enough-9');
  await page.fill('#confirm', 'Long-enough-9');
  await page.click('#submit');
  await page.waitForSelector('#status.error');
  assert.match(await page.textContent('#status'), /Too many attempts.* Need help\? Contact help@acme\.example\.$/);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test("a brand the page cannot use keeps the kit's look and tells the deployer why", async () => {
  env.setConfig(JSON.stringify({
    region: 'local', clientId: 'testclient', endpoint: env.endpoint, signInUrl: '/index.html',
    brand: { name: 'Acme', logo: 'https://cdn.example/logo.png', accent: '#ffeb3b', onAccent: '#ffffff' },
    words: { en: { 'forgot.send': 'Go', 'reset.done': 'Done, {name}' } },
  }));
  const { page, problems } = await openPage(env.browser, null);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('#brand-name'), 'Acme', 'what is usable is used');
  assert.equal(await page.isVisible('#brand-logo'), false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#submit')).backgroundColor), 'rgb(11, 87, 208)', "the kit's accent");
  assert.equal(await page.textContent('#submit'), 'Send reset link');
  const said = warnings.join('\n');
  assert.match(said, /brand\.logo "https:\/\/cdn\.example\/logo\.png" is not a path on this site/);
  assert.match(said, /contrast of 1\.\d\d:1, below the 4\.5:1 WCAG AA asks for text/);
  assert.match(said, /words: "forgot\.send" cannot be reworded/);
  assert.deepEqual(problems, [], 'no error, no CSP violation: the logo was never requested');
});
