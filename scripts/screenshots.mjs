// `npm run screenshots`: renders the pages' main states and the emails from the real build
// into docs/screenshots/, at phone width, in light and dark, one right-to-left language and
// one team's brand, so a team sees what it gets before installing anything. Cognito's
// answers come from request routing (no pool needed); the emails come from the trigger's own
// renderer (lambda/examples/email.rs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { ROOT } from './paths.mjs';
import { browserPath } from './browsers.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = 19740;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ENDPOINT = `http://127.0.0.1:${PORT + 1}/`;
const NOW = Math.floor(Date.now() / 1000);
const BASE_CONFIG = { region: 'eu-west-1', clientId: 'example', endpoint: ENDPOINT, signInUrl: '/index.html', signIn: 'none' };
const BRAND = { name: 'Acme Cloud', logo: '/local/logo.svg', accent: '#7a1fa2', onAccent: '#ffffff', support: 'help@acme.example' };

mkdirSync(OUT, { recursive: true });
const configFile = join(ROOT, '.run', 'screenshots-config.json');
mkdirSync(join(ROOT, '.run'), { recursive: true });
const useConfig = (extra = {}) => writeFileSync(configFile, JSON.stringify({ ...BASE_CONFIG, ...extra }));
useConfig();
const server = await serve({ root: ROOT, port: PORT, configFile, cognitoEndpoint: ENDPOINT, demo: true });
const browser = await chromium.launch({ executablePath: browserPath('chromium'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

/** A page at phone width in `scheme`, whose Cognito calls get `answer(target)`. */
async function phone(scheme = 'light', answer = () => ({})) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.route((url) => url.href.startsWith(ENDPOINT), (route) => {
    const reply = answer(route.request().headers()['x-amz-target'].split('.').pop());
    return route.fulfill({ status: reply.status ?? 200, headers: { 'Access-Control-Allow-Origin': '*' },
      contentType: 'application/x-amz-json-1.1', body: JSON.stringify(reply.body ?? {}) });
  });
  return { page, context };
}

/** Saves the whole page as `name`.png. */
async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`  docs/screenshots/${name}.png`);
}

const link = (sent = NOW) => `${ORIGIN}/reset-password.html#confirmation_code=493702&user_name=3f2a&email=jane%40example.com&sent=${sent}`;

for (const scheme of ['light', 'dark']) {
  const { page, context } = await phone(scheme, () => ({ body: { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } } }));
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForSelector('body[data-ready]');
  await shot(page, `forgot-${scheme}`);
  await page.fill('#username', 'jane@example.com');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  await shot(page, `forgot-sent-${scheme}`);
  await page.goto(link());
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'Correct-horse');
  await shot(page, `reset-${scheme}`);
  await page.fill('#password', 'Correct-horse-9');
  await page.fill('#confirm', 'Correct-horse-9');
  await page.click('#submit');
  await page.waitForSelector('#done:not([hidden])');
  await shot(page, `reset-done-${scheme}`);
  await context.close();
}

{
  const { page, context } = await phone();
  await page.goto(link(NOW - 2 * 3600));
  await page.waitForSelector('#new-link:not([hidden])');
  await shot(page, 'reset-old-link-light');
  await page.goto(`${ORIGIN}/reset-password.html?lang=ar#confirmation_code=493702&user_name=3f2a&sent=${NOW}`);
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'كلمة-Sirr-9');
  await shot(page, 'reset-arabic-light');
  await page.goto(`${ORIGIN}/welcome.html#user_name=3f2a&email=new%40example.com&sent=${NOW}&temporary_password=Tmp%261`);
  await page.waitForSelector('body[data-ready]');
  await shot(page, 'welcome-light');
  await page.goto(`${ORIGIN}/confirm.html#confirmation_code=493702&user_name=new%40example.com&sent=${NOW}`);
  await page.waitForSelector('body[data-ready]');
  await shot(page, 'confirm-light');
  await page.goto(`${ORIGIN}/verify.html#confirmation_code=493702&user_name=3f2a&email=moved%40example.com&attribute=email&sent=${NOW}`);
  await page.waitForSelector('body[data-ready]');
  await shot(page, 'verify-without-session-light');
  await context.close();
}

{
  useConfig({ brand: BRAND });
  const { page, context } = await phone();
  await page.goto(link());
  await page.waitForSelector('body[data-ready]');
  await page.fill('#password', 'Correct-horse-9');
  await shot(page, 'reset-branded-light');
  await context.close();
  useConfig();
}

for (const [kind, name] of [['reset', 'email-reset'], ['invitation', 'email-invitation']]) {
  const html = execFileSync('cargo', ['run', '-q', '-p', 'reset-link-trigger', '--example', 'email', '--', kind, 'en'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PRODUCT_NAME: 'Example' } });
  const context = await browser.newContext({ viewport: { width: 600, height: 700 } });
  const page = await context.newPage();
  await page.setContent(html);
  await shot(page, name);
  await context.close();
}

await browser.close();
await new Promise((resolve) => server.close(resolve));
