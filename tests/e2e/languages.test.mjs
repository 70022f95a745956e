// Every shipped language renders every page state at 320 px without sideways overflow, with
// <html lang dir> set and no untranslated key showing; the browser's language is followed and
// passed on to the trigger. Screenshots land in test-results/languages/ for a human look.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpPages, openPage, answerCognito, cognitoError, axeViolations } from './harness.mjs';
import { ROOT } from '../../scripts/paths.mjs';

const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'ja', 'ar'];
const SHOTS = join(ROOT, 'test-results', 'languages');
let env;
before(async () => {
  env = await setUpPages('e2e-languages', 19520, { signIn: 'password' });
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await env?.close(); });

const catalogue = (language) => JSON.parse(readFileSync(join(ROOT, 'core', 'i18n', `${language}.json`), 'utf8'));

/** Checks the state on screen: language, direction, no overflow, no raw keys; takes a shot. */
async function checkState(page, language, name) {
  const found = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    rawKeys: [...document.querySelectorAll('body *')].filter((e) => e.children.length === 0 && !e.hidden
      && /^[a-z]+\.[a-z_.]+$/.test(e.textContent.trim())).map((e) => e.textContent),
  }));
  assert.equal(found.lang, language, name);
  assert.equal(found.dir, language === 'ar' ? 'rtl' : 'ltr', name);
  assert.ok(found.overflow <= 0, `${language} ${name}: ${found.overflow}px of sideways overflow`);
  assert.deepEqual(found.rawKeys, [], `${language} ${name}: untranslated keys`);
  await page.screenshot({ path: join(SHOTS, `${language}-${name}.png`), fullPage: true });
  // The audits teams run on the pages they host, in both colour schemes (once, in English).
  if (language === 'en') {
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axeViolations(page), [], `${name}, ${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: null });
  }
}

for (const language of LANGUAGES) {
  test(`${language}: every state of both pages fits 320 px and reads in ${language}`, async () => {
    const words = catalogue(language);
    const { page, problems } = await openPage(env.browser, null, { viewport: { width: 320, height: 640 } });
    let confirmAnswer = cognitoError('ExpiredCodeException');
    await answerCognito(page, env.endpoint, (request) => {
      const target = request.headers()['x-amz-target'];
      if (target.endsWith('.ConfirmForgotPassword')) return confirmAnswer;
      if (target.endsWith('.InitiateAuth')) return cognitoError('NotAuthorizedException');
      return target.endsWith('.ConfirmSignUp') ? cognitoError('ExpiredCodeException') : { body: {} };
    });

    await page.goto(`${env.origin}/index.html?lang=${language}`);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.textContent('h1'), words['forgot.title']);
    await checkState(page, language, 'forgot');
    await page.click('#submit');
    await checkState(page, language, 'forgot-empty');
    await page.fill('#username', 'someone.with.a.long.address@example-company.com');
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
    await checkState(page, language, 'forgot-sent');

    const now = Math.floor(Date.now() / 1000);
    await page.goto(`${env.origin}/reset-password.html?lang=${language}#confirmation_code=123456&user_name=someone&sent=${now - 7200}`);
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#new-link:not([hidden])');
    assert.equal(await page.textContent('#status'), words['advice.expired_link'], 'an old link says so at once');
    assert.equal(await page.isVisible('#password'), false);
    await checkState(page, language, 'reset-old-link');

    await page.goto(`${env.origin}/reset-password.html?lang=${language}#confirmation_code=123456&user_name=someone&sent=${now}`);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.textContent('#submit'), words['reset.submit']);
    const [before, after] = words['reset.works_until'].split('{time}');
    const age = await page.textContent('#link-age');
    assert.ok(age.startsWith(before) && age.endsWith(after) && age.length > before.length + after.length, `${language}: ${age}`);
    await page.fill('#password', 'short');
    await checkState(page, language, 'reset');
    await page.fill('#password', 'Long-enough-9');
    await page.fill('#confirm', 'Long-enough-9');
    await page.click('#submit');
    await page.waitForSelector('#new-link:not([hidden])');
    assert.equal(await page.textContent('#status'), words['advice.expired_link']);
    await checkState(page, language, 'reset-expired');
    confirmAnswer = { body: {} };
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    assert.equal(await page.textContent('#done-text'), words['reset.done_sign_in'], 'a link naming no account a person recognises: nobody is signed in');
    await checkState(page, language, 'reset-done');

    await page.goto(`${env.origin}/confirm.html?lang=${language}#confirmation_code=123456&user_name=someone`);
    await page.waitForSelector('body[data-ready]');
    await checkState(page, language, 'confirm');
    await page.click('#submit');
    await page.waitForSelector('#new-link:not([hidden])');
    assert.equal(await page.textContent('#status'), words['confirm.expired']);
    await checkState(page, language, 'confirm-expired');

    await page.goto(`${env.origin}/welcome.html?lang=${language}#user_name=someone&email=someone.with.a.long.address%40example-company.com&sent=${now}&temporary_password=Tmp&1`);
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.textContent('#submit'), words['welcome.submit']);
    await checkState(page, language, 'welcome');
    await page.fill('#password', 'Long-enough-9');
    await page.fill('#confirm', 'Long-enough-9');
    await page.click('#submit');
    await page.waitForSelector('#temporary-field:not([hidden])');
    assert.equal(await page.textContent('#status'), words['welcome.not_working']);
    await checkState(page, language, 'welcome-not-working');
    assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
  });
}

test("the browser's language is followed and sent to the trigger", async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const bodies = [];
  await answerCognito(page, env.endpoint, (request) => {
    bodies.push(request.postDataJSON());
    return { body: {} };
  });
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('h1'), catalogue('de')['forgot.title']);
  await page.fill('#username', 'jemand@example.com');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  assert.equal(bodies[0].ClientMetadata.lang, 'de');
  await context.close();
});

/** Opens `path` in a browser preferring `locale`, holding back every page module until a
 * catalogue has been requested (or `holdMs` have passed); returns the catalogues requested, with
 * whether each came while the module was still held back, and the page. */
async function openHoldingModule(locale, path, holdMs = 5000) {
  const context = await env.browser.newContext({ locale });
  const page = await context.newPage();
  const catalogues = [];
  let held = true;
  let catalogueAsked;
  const asked = new Promise((resolve) => { catalogueAsked = resolve; });
  page.on('request', (request) => {
    const match = /\/www\/i18n\/([a-z]+)\.json$/.exec(new URL(request.url()).pathname);
    if (match) {
      catalogues.push({ language: match[1], whileModuleHeld: held });
      catalogueAsked();
    }
  });
  await page.route(/_bg\.wasm$/, async (route) => {
    await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, holdMs))]);
    held = false;
    await route.continue();
  });
  await page.goto(`${env.origin}${path}`);
  await page.waitForSelector('body[data-ready]');
  return { context, page, catalogues };
}

test("the browser's language is requested while the module downloads, not after it", async () => {
  const now = Math.floor(Date.now() / 1000);
  const { context, page, catalogues } = await openHoldingModule('es-ES', `/reset-password.html#confirmation_code=123456&user_name=someone&sent=${now}`);
  assert.deepEqual(catalogues, [{ language: 'es', whileModuleHeld: true }], 'one request, made before the module arrived');
  assert.equal(await page.textContent('#submit'), catalogue('es')['reset.submit']);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await context.close();
});

test("a link's language still wins over the browser's early request", async () => {
  const { context, page, catalogues } = await openHoldingModule('es-ES', '/confirm.html?lang=de#confirmation_code=123456&user_name=someone');
  assert.deepEqual(catalogues.map((c) => c.language), ['es', 'de'], 'the early request, then the language the link asks for');
  assert.equal(await page.textContent('#submit'), catalogue('de')['confirm.submit']);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await context.close();
});

test('an English browser requests no catalogue', async () => {
  const { context, page, catalogues } = await openHoldingModule('en-GB', '/index.html', 1500);
  assert.deepEqual(catalogues, []);
  assert.equal(await page.textContent('h1'), catalogue('en')['forgot.title']);
  await context.close();
});

test('a catalogue that cannot be fetched leaves a working page in English', async () => {
  const context = await env.browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.route(/\/www\/i18n\/es\.json$/, (route) => route.abort('connectionfailed'));
  const now = Math.floor(Date.now() / 1000);
  await page.goto(`${env.origin}/reset-password.html#confirmation_code=123456&user_name=someone&sent=${now}`);
  await page.waitForSelector('body[data-ready]');
  const english = catalogue('en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#submit'), english['reset.submit']);
  const rules = await page.locator('#rules li').count();
  assert.ok(rules > 0 && (await page.locator('#rules li.met').count()) < rules, 'the checklist waits for a password');
  await page.fill('#password', 'Long-enough-9');
  await page.fill('#confirm', 'Long-enough-9');
  assert.equal(await page.locator('#rules li.met').count(), rules, 'and follows what is typed');
  assert.ok((await page.textContent('#rules li')).startsWith(english['rule.length'].replace('{n}', '8')), 'in English');
  await context.close();
});
