// The response headers, defined once in deploy/headers.mjs: CloudFront's policy in the
// template says the same; the `_headers` file and the nginx snippet of the site layout say the
// same; and on a host that sends no headers at all, each page's CSP <meta> still holds: an
// injected inline script does not run and the pages reach only the configured Cognito.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders, contentSecurityPolicy, IMMUTABLE, NO_CACHE } from '../../deploy/headers.mjs';
import { openPage, answerCognito } from '../e2e/harness.mjs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/paths.mjs';
import { browserPath } from '../../scripts/browsers.mjs';

const PORT = 19560;
const ENDPOINT = `http://127.0.0.1:${PORT + 1}/`;
const ORIGIN = `http://127.0.0.1:${PORT + 1}`;
const SITE = join(ROOT, 'dist', 'site');
const PAGES = ['index.html', 'reset-password.html', 'confirm.html', 'welcome.html', 'verify.html'];
const byName = (pairs) => Object.fromEntries(pairs.map(([name, value]) => [name.toLowerCase(), value]));

let browser;
before(() => {
  const dir = join(ROOT, '.run', 'headers');
  mkdirSync(dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, userPoolId: 'eu-west-2_Test', clientId: 'testclient', endpoint: ENDPOINT }));
  execFileSync('node', ['scripts/site.mjs', '--config', join(dir, 'config.json')], { cwd: ROOT, stdio: 'ignore' });
});
after(async () => { await browser?.close(); });

/** The template, as CloudFormation reads it. */
function template() {
  const python = `import json, sys\nfrom cfnlint.decode import decode\nprint(json.dumps(decode(sys.argv[1])[0]))`;
  return JSON.parse(execFileSync(join(ROOT, '.venv', 'bin', 'python'), ['-c', python, join(ROOT, 'deploy', 'template.yaml')], { encoding: 'utf8' }));
}

/** The headers CloudFront sends for the template's response headers policy, with the
 * HstsIncludeSubdomains parameter set to `includeSubdomains` ("true" or "false"). */
function cloudFrontHeaders(whole, includeSubdomains) {
  const { SecurityHeadersConfig: security, CustomHeadersConfig: custom } = whole.Resources.SecurityHeaders.Properties.ResponseHeadersPolicyConfig;
  const hsts = security.StrictTransportSecurity;
  // `!If [Condition, a, b]`, the condition being `!Equals [!Ref HstsIncludeSubdomains, "true"]`.
  const [condition, ifTrue, ifFalse] = hsts.IncludeSubdomains['Fn::If'];
  assert.deepEqual(whole.Conditions[condition], { 'Fn::Equals': [{ Ref: 'HstsIncludeSubdomains' }, 'true'] });
  const subdomains = includeSubdomains === 'true' ? ifTrue : ifFalse;
  return [
    ['Content-Security-Policy', security.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Sub'][0]],
    ['Strict-Transport-Security', `max-age=${hsts.AccessControlMaxAgeSec}${subdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`],
    ['Referrer-Policy', security.ReferrerPolicy.ReferrerPolicy],
    ['X-Content-Type-Options', security.ContentTypeOptions ? 'nosniff' : undefined],
    ['X-Frame-Options', security.FrameOptions.FrameOption],
    ...custom.Items.map((item) => [item.Header, item.Value]),
  ];
}

/**
 * The headers an nginx snippet of top-level add_header lines and regex locations of their own
 * gives `path`, as nginx applies them: the first regex location that matches serves the path
 * (before any prefix location), and a location with add_header lines inherits none.
 */
function nginxHeadersFor(text, path) {
  const blocks = [{ pattern: null, headers: {} }];
  let block = blocks[0];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const location = line.match(/^location ~ "([^"]+)" \{$/);
    const header = line.match(/^add_header ([\w-]+) "([^"]*)" always;$/);
    if (location) blocks.push(block = { pattern: new RegExp(location[1]), headers: {} });
    else if (line === '}') block = blocks[0];
    else if (header) block.headers[header[1].toLowerCase()] = header[2];
    else assert.fail(`a line nginx would read otherwise: ${line}`);
  }
  return (blocks.find((b) => b.pattern?.test(path)) ?? blocks[0]).headers;
}

/** The headers a `_headers` file gives `path`, applied as Netlify does (every matching
 * rule, in order); fails on a header two rules set for one path (Cloudflare would join them). */
function netlifyHeadersFor(text, path) {
  const headers = {};
  let matches = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const rule = line.trim();
      matches = rule.endsWith('/*') ? path.startsWith(rule.slice(0, -1)) : path === rule;
      continue;
    }
    if (!matches) continue;
    const [name, ...value] = line.trim().split(': ');
    assert.equal(headers[name.toLowerCase()], undefined, `${name} is set twice for ${path}`);
    headers[name.toLowerCase()] = value.join(': ');
  }
  return headers;
}

test("the template's CloudFront policy sends exactly the defined headers; HSTS covers subdomains only when asked", () => {
  const whole = template();
  assert.equal(whole.Parameters.HstsIncludeSubdomains.Default, 'false');
  for (const asked of ['false', 'true']) {
    assert.deepEqual(byName(cloudFrontHeaders(whole, asked)),
      byName(securityHeaders('https://cognito-idp.${PoolRegion}.amazonaws.com', { hstsIncludeSubdomains: asked === 'true' })), asked);
  }
});

test('_headers and the nginx snippet say the same, and cache only the hashed assets, in a subfolder too', () => {
  const expected = byName(securityHeaders(ORIGIN));
  const text = readFileSync(join(SITE, '_headers'), 'utf8');
  const nginx = readFileSync(join(SITE, 'nginx-headers.conf'), 'utf8');
  const [hash] = readdirSync(join(SITE, 'assets'));
  const asset = `/assets/${hash}/www/pkg/reset_bg.wasm`;
  const revalidated = ['/', '/index.html', '/reset-password.html', '/confirm.html', '/welcome.html', '/verify.html', '/www/config.json', '/www/i18n/de.json'];
  for (const path of revalidated) {
    assert.deepEqual(netlifyHeadersFor(text, path), { ...expected, 'cache-control': NO_CACHE }, path);
    assert.deepEqual(nginxHeadersFor(nginx, path), { ...expected, 'cache-control': NO_CACHE }, `nginx ${path}`);
    assert.deepEqual(nginxHeadersFor(nginx, `/account${path}`), { ...expected, 'cache-control': NO_CACHE }, `nginx /account${path}`);
  }
  assert.deepEqual(netlifyHeadersFor(text, asset), { ...expected, 'cache-control': IMMUTABLE });
  for (const path of [asset, `/account${asset}`]) {
    assert.deepEqual(nginxHeadersFor(nginx, path), { ...expected, 'cache-control': IMMUTABLE }, `nginx ${path}`);
  }
  // Only the hashed folder is kept a year: a file named like it elsewhere is revalidated.
  assert.equal(nginxHeadersFor(nginx, '/assets/logo.png')['cache-control'], NO_CACHE);
});

test("each page carries the CSP as a <meta> floor, narrowed to the site's Cognito, without frame-ancestors", () => {
  for (const page of PAGES) {
    const html = readFileSync(join(SITE, page), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(metas, [contentSecurityPolicy(ORIGIN, { inMeta: true })], page);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), `${page}: the floor comes before any script`);
    assert.doesNotMatch(metas[0], /frame-ancestors/);
  }
});

test('on a host that sends no headers the meta CSP still holds, and the pages work', async () => {
  const server = await serve({ root: SITE, port: PORT, configFile: join(SITE, 'www', 'config.json'), cognitoEndpoint: ENDPOINT, headersFor: () => ({}) });
  browser = await chromium.launch({ executablePath: browserPath('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const file of PAGES) {
      const { page, problems, context } = await openPage(browser, null);
      const calls = await answerCognito(page, ENDPOINT, () => ({ body: {} }));
      const response = await page.goto(`http://127.0.0.1:${PORT}/${file}#confirmation_code=1&user_name=someone`);
      assert.equal(response.headers()['content-security-policy'], undefined, 'the host sends none');
      await page.waitForSelector('body[data-ready]');
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
      });
      assert.equal(await page.evaluate(() => window.injected), undefined, `${file}: the inline script was blocked`);
      const elsewhere = await page.evaluate(() => fetch('https://collector.example/').then(() => 'sent', () => 'blocked'));
      assert.equal(elsewhere, 'blocked', `${file}: no call leaves for another origin`);
      assert.ok(problems.some((p) => /script-src/.test(p)) && problems.some((p) => /connect-src/.test(p)), `${file}: the browser reported both: ${problems}`);
      if (file === 'index.html') {
        await page.fill('#username', 'someone@example.com');
        await page.click('#submit');
        await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
        assert.deepEqual([...calls], ['AWSCognitoIdentityProviderService.ForgotPassword'], 'the configured Cognito is reachable');
      }
      await context.close();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
