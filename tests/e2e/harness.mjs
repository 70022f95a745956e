// Shared set-up for the browser tests: the real local stack, Debian's Chromium driven by
// playwright-core, and a page that records every CSP violation and script error.
import { chromium } from 'playwright-core';
import { startStack, cognito } from '../../scripts/local.mjs';

export { cognito };

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the stack on ports from `base` and a browser; `close()` stops both. */
export async function setUp(name, base) {
  const onOutput = process.env.STACK_LOG ? (line, source) => console.error(`[${source}] ${line}`) : undefined;
  const stack = await startStack({ name, cognitoPort: base, lambdaPort: base + 1, pagePort: base + 2, onOutput });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    stack,
    browser,
    close: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}

/** Opens a fresh page; `problems` collects CSP violations, console errors and page errors. */
export async function openPage(browser, url, { viewport = { width: 390, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { page, context, problems };
}

/** Asks for a reset link on the forgot page for `email`; returns the link the email carried. */
export async function requestLink(browser, stack, email) {
  const { page, context, problems } = await openPage(browser, `${stack.pageOrigin}/index.html`);
  const mark = stack.output().length;
  await page.fill('#username', email);
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  const status = await page.textContent('#status');
  const link = await stack.nextLink(mark);
  await context.close();
  return { link, status, problems };
}

/** Signs in with USER_PASSWORD_AUTH; resolves to true when Cognito issued tokens. */
export async function canSignIn(stack, email, password) {
  const reply = await cognito(stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return Boolean(reply.AuthenticationResult?.IdToken);
}
