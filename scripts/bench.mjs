// `npm run bench`: what the pages cost next to the JavaScript libraries that do the same job.
// The wait people feel first (from the press to signed in), then bytes (raw, gzip -9,
// brotli -q 11), time to interactive in Chromium with 4x CPU throttling, SRP compute time,
// and the trigger's zip size and first response. Printed and written to bench/RESULTS.md.
// Not part of npm test: timings vary from machine to machine.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import zlib, { brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from './paths.mjs';
import { PAGES, RESET_EVERYTHING, measure, sizesOf } from './sizes.mjs';
import { serve } from './serve.mjs';
import { spend } from './spend.mjs';
import { throttledPage, traceStart } from './trace.mjs';
import { pressSection } from './bench-press.mjs';
import { browserPath } from './browsers.mjs';

const BENCH = join(ROOT, 'bench');
const DIST = join(BENCH, 'dist');
const LOADS = 15;
/** The reset page written on each library (bench/peers/), and the hand-written floor. */
const PEERS = [
  ['fetch-floor', 'hand-written JavaScript with fetch (floor)'],
  ['identity-js', 'amazon-cognito-identity-js 6.3.21 (SRP sign-in)'],
  ['amplify', 'Amplify v6.22.1 (SRP sign-in)'],
  ['sdk-v3', 'AWS SDK v3.1169.0 (no SRP: no sign-in)'],
];
const ALTERNATIVES = [
  ['fetch-floor', 'hand-written fetch (floor)'],
  ['identity-js', 'amazon-cognito-identity-js 6.3.21'],
  ['amplify', 'Amplify v6 resetPassword + confirmResetPassword'],
  ['amplify-signin', 'Amplify v6 with signIn'],
  ['sdk-v3', 'AWS SDK v3 client-cognito-identity-provider'],
];
const lines = [];
const say = (line = '') => { console.log(line); lines.push(line); };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Install and build what the comparison needs.
if (!existsSync(join(BENCH, 'node_modules', 'esbuild'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: 'inherit' });
}
mkdirSync(DIST, { recursive: true });
const esbuild = join(BENCH, 'node_modules', '.bin', 'esbuild');
for (const [name] of ALTERNATIVES) {
  execFileSync(esbuild, [join(BENCH, 'alternatives', `${name}.js`), '--bundle', '--minify', '--format=esm', '--platform=browser',
    '--define:global=window', `--outfile=${join(DIST, `${name}.js`)}`, '--log-level=error'], { cwd: BENCH });
  writeFileSync(join(DIST, `${name}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>`
    + `<script type="module" src="${name}.js"></script></head><body></body></html>`);
}
// The peers: the reset page's HTML with the peer's bundle in place of the kit's module (and
// the floor of the press: its three calls alone).
const resetHtml = readFileSync(join(ROOT, 'reset-password.html'), 'utf8');
for (const name of [...PEERS.map(([peer]) => peer), 'press-floor']) {
  execFileSync(esbuild, [join(BENCH, 'peers', `${name}.js`), '--bundle', '--minify', '--format=esm', '--platform=browser',
    '--define:global=window', `--outfile=${join(DIST, `peer-${name}.js`)}`, '--log-level=error'], { cwd: BENCH });
  const html = resetHtml
    .replace(/<script type="module" src="www\/pkg\/reset\.js"><\/script>/, `<script type="module" src="peer-${name}.js"></script>`)
    .replace(/\s*<link rel="preload"[^>]*>/, '');
  writeFileSync(join(DIST, `peer-${name}.html`), html);
}
execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--no-typescript', '--no-pack', '--mode', 'no-install',
  '--out-dir', join(DIST, 'srp-pkg'), '.', '--', '--no-default-features', '--features', 'bench'],
{ cwd: ROOT, stdio: 'ignore', env: { ...process.env, PATH: `${join(ROOT, 'node_modules', 'binaryen', 'bin')}:${process.env.PATH}` } });

say(`# Benchmark results`);
say();
say(`${new Date().toISOString().slice(0, 10)} on ${cpus()[0].model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`);
say();
// The press comes first in the results (what people feel first), though it is measured later.
const pressAt = lines.length;
say('## Bytes each page needs before it is interactive');
say();
for (const [page, files] of Object.entries(PAGES)) {
  const { rows, total } = sizesOf(files);
  say(`### ${page}`);
  say();
  say('| file | raw | gzip -9 | brotli -q 11 |');
  say('|---|---:|---:|---:|');
  for (const r of [...rows, { file: '**total**', ...total }]) say(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  say();
}
{
  const { rows, total } = sizesOf(RESET_EVERYTHING);
  say('### Everything reset-password.html fetches (the form, then the account module while the person types)');
  say();
  say('| file | raw | gzip -9 | brotli -q 11 |');
  say('|---|---:|---:|---:|');
  for (const r of [...rows, { file: '**total**', ...total }]) say(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  say();
}
const spent = spend('reset');
say('### What the reset module spends its bytes on (raw, by crate::module; twiggy on a build with names)');
say();
if (spent) {
  say('| owner | raw bytes |\n|---|---:|');
  for (const row of spent.rows) say(`| ${row.owner.replace(/\|/g, '\\|')} | ${row.bytes} |`);
  say(`| **whole module** | ${spent.total} |`);
} else {
  say('twiggy is not installed (`cargo install twiggy`), so this part was skipped.');
}
say();
say('### The JavaScript alternatives (esbuild --bundle --minify; the library only, no page)');
say();
say('| alternative | raw | gzip -9 | brotli -q 11 |');
say('|---|---:|---:|---:|');
for (const [name, label] of ALTERNATIVES) {
  const size = measure(readFileSync(join(DIST, `${name}.js`)));
  say(`| ${label} | ${size.raw} | ${size.gzip} | ${size.brotli} |`);
}
say();

say('### The reset page written on each library (bench/peers/: same HTML, CSS, config.json, link and checklist; esbuild --bundle --minify)');
say();
say('| page | script, brotli -q 11 | page, style, script and config.json, brotli -q 11 |');
say('|---|---:|---:|');
const pageFiles = ['reset-password.html', 'www/style.css', 'www/brand.css'].map((f) => readFileSync(join(ROOT, f)));
const common = pageFiles.reduce((sum, bytes) => sum + measure(bytes).brotli, 0) + measure(readFileSync(join(ROOT, 'www', 'config.json'))).brotli;
for (const [name, label] of PEERS) {
  const script = measure(readFileSync(join(DIST, `peer-${name}.js`))).brotli;
  say(`| ${label} | ${script} | ${script + common} |`);
}
say();

// Time to usable: navigation start to <body data-ready>, 4x CPU throttling.
const configFile = join(DIST, 'config.json');
writeFileSync(configFile, JSON.stringify({ region: 'eu-west-1', clientId: 'benchclient', endpoint: 'http://127.0.0.1:19599/', signIn: 'none' }));
// Both servers answer with brotli, as CloudFront does for the pages (and the deploy's
// precompressed wasm), so the bytes on the wire are those people download.
const pages = await serve({ root: ROOT, port: 19590, configFile, cognitoEndpoint: 'http://127.0.0.1:19599/', compress: true });
const alternatives = createServer((req, res) => {
  // The peers share the kit's stylesheet and the same config.json.
  const path = new URL(req.url, 'http://x').pathname;
  const file = path === '/www/config.json' ? configFile
    : path.startsWith('/www/') ? join(ROOT, path.slice(1)) : join(DIST, path.replace(/^\/+/, ''));
  if (file === configFile || path.startsWith('/www/')) {
    if (!existsSync(file) || path.includes('..')) return res.writeHead(404).end();
    const type = file.endsWith('.css') ? 'text/css' : 'application/json';
    return reply(req, res, type, readFileSync(file));
  }
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'text/html';
  return reply(req, res, type, readFileSync(file));
});
/** Each body's brotli form, made once (compressing on every load would time the server). */
const packed = new Map();
/** Answers with `body`, brotli-compressed when the browser accepts it. */
function reply(req, res, type, body) {
  const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', ...(br && { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' }) };
  if (br && !packed.has(body.toString('base64'))) {
    packed.set(body.toString('base64'), brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  res.writeHead(200, headers).end(br ? packed.get(body.toString('base64')) : body);
}
await new Promise((resolve) => alternatives.listen(19591, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: browserPath('chromium'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

/** A slow mobile network: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_MOBILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/**
 * One fresh load of `url` (in a browser preferring `locale`'s language when given) with 4x CPU
 * throttling and, when given, `network` emulated: the
 * milliseconds from navigation to `<body data-ready>`, and `phases`, the kit's marks and
 * resource timings (ms from navigation) for the account of where the time goes. The page
 * records the moment itself (a MutationObserver resolves a promise); the driver asks once,
 * after the load event, and never polls while the page starts.
 */
async function loadOnce(url, network, locale) {
  const { context, page } = await throttledPage(browser, network, locale);
  await page.goto(url, { timeout: 120_000 });
  const time = await page.evaluate(() => window.ready);
  const phases = await page.evaluate(() => {
    const end = (pattern) => performance.getEntriesByType('resource').find((r) => pattern.test(r.name))?.responseEnd ?? null;
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    return { html: nav.responseEnd, script: end(/reset\.js$/), boot: mark('boot'), wasm: end(/_bg\.wasm$/),
      config: end(/config\.json$/), module: mark('module-ready') };
  });
  await context.close();
  return { time, phases };
}

/**
 * Time to usable of each of `urls` (`[url, locale]`; the locale may be left out) over `rounds`
 * rounds; each round loads every page once, in an order that turns by one each round, so a
 * machine that slows down for a while slows every page alike instead of the one measured
 * then. Per url: `{ times, median, min, max, phases }` (`times`: one per round, in round order;
 * `phases`: the medians of each moment).
 */
async function timeToReady(urls, network, rounds = LOADS) {
  const loads = urls.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < urls.length; k++) {
      const i = (k + round) % urls.length;
      loads[i].push(await loadOnce(urls[i][0], network, urls[i][1]));
    }
  }
  return loads.map((runs) => {
    const times = runs.map((run) => run.time);
    const medianOf = (key) => {
      const values = runs.map((run) => run.phases[key]).filter((v) => v !== null);
      return values.length ? median(values) : null;
    };
    return { times, median: median(times), min: Math.min(...times), max: Math.max(...times),
      phases: Object.fromEntries(['html', 'script', 'boot', 'wasm', 'config', 'module'].map((k) => [k, medianOf(k)])) };
  });
}
const KIT = 'reset-password.html (this kit)';
// The kit once more in a browser that prefers Spanish: its words are one more request (the
// peers' pages speak English only).
const timed = [[PEERS[0][1], 'http://127.0.0.1:19591/peer-fetch-floor.html'], [KIT, 'http://127.0.0.1:19590/reset-password.html'],
  [`${KIT}, browser in Spanish`, 'http://127.0.0.1:19590/reset-password.html', 'es-ES'],
  ...PEERS.filter(([name]) => name !== 'fetch-floor').map(([name, label]) => [label, `http://127.0.0.1:19591/peer-${name}.html`])];
// Warm-up: the first loads start the browser's caches.
await timeToReady(timed.map(([, ...page]) => page), undefined, 2);
let kitSlow;
for (const [title, network] of [['local server', undefined], ['emulated mobile network: 150 ms latency, 1.6 Mbit/s down', SLOW_MOBILE]]) {
  const results = await timeToReady(timed.map(([, ...page]) => page), network);
  const floor = results[0];
  say(`## Time from navigation until the reset form works (headless Chromium, 4x CPU throttling, ${LOADS} loads each, pages taking turns, ${title})`);
  say();
  say('| page | median ms | min | max | median ÷ floor | this kit ahead: rounds, median lead ms |');
  say('|---|---:|---:|---:|---:|---:|');
  const kit = results[timed.findIndex(([label]) => label === KIT)];
  if (network) kitSlow = kit;
  timed.forEach(([label], i) => {
    const t = results[i];
    // Each round loaded every page once, close in time: the kit against this page round by
    // round says whether a gap between medians is more than the noise.
    const leads = t.times.map((time, round) => time - kit.times[round]);
    const ahead = label === KIT ? '' : `${leads.filter((lead) => lead > 0).length} of ${leads.length}, ${median(leads).toFixed(0)}`;
    say(`| ${label} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} | ${t.max.toFixed(0)} | ${(t.median / floor.median).toFixed(2)} | ${ahead} |`);
  });
  say();
}
if (kitSlow) {
  const p = kitSlow.phases;
  const at = (v) => (v === null ? '-' : v.toFixed(0));
  say('## Where the reset page\'s start-up goes (slow mobile profile, medians of the loads above, ms from navigation)');
  say();
  say('| moment | ms |');
  say('|---|---:|');
  say(`| HTML received | ${at(p.html)} |`);
  say(`| page script (reset.js) received | ${at(p.script)} |`);
  say(`| script running (boot.js) | ${at(p.boot)} |`);
  say(`| wasm received | ${at(p.wasm)} |`);
  say(`| config.json received | ${at(p.config)} |`);
  say(`| wasm compiled and instantiated | ${at(p.module)} |`);
  say(`| form usable (config checked, words, checklist, listeners) | ${kitSlow.median.toFixed(0)} |`);
  say();
  // One trace per load, separate from the timed loads (tracing slows a page down).
  const traces = [];
  for (let i = 0; i < 5; i++) traces.push(await traceStart(browser, 'http://127.0.0.1:19590/reset-password.html', SLOW_MOBILE));
  const traced = traces.filter(Boolean);
  if (traced.length) {
    say(`## The reset page's main thread from module ready to form usable (slow mobile profile, medians of ${traced.length} traced loads)`);
    say();
    say('| work | ms |');
    say('|---|---:|');
    say(`| **module ready → form usable** | **${median(traced.map((t) => t.window)).toFixed(1)}** |`);
    traced[0].rows.forEach(([label], i) => say(`| ${label} | ${median(traced.map((t) => t.rows[i][1])).toFixed(1)} |`));
    say();
    say(`In that window V8 compiled ${median(traced.map((t) => t.compiled))} wasm functions (median): each is compiled on its first call.`);
    say();
  }
}
say();

// The wait people feel: from the press to signed in, on the pages that sign in.
const press = await pressSection({ browser, configFile, endpoint: 'http://127.0.0.1:19599/', kit: KIT, rounds: LOADS,
  pages: [['the three calls alone, no SRP (floor)', 'http://127.0.0.1:19591/peer-press-floor.html'], [KIT, 'http://127.0.0.1:19590/reset-password.html'],
    ...PEERS.filter(([name]) => ['identity-js', 'amplify'].includes(name)).map(([name, label]) => [label, `http://127.0.0.1:19591/peer-${name}.html`])],
  profiles: [['local server', undefined], ['emulated mobile network: 150 ms latency, 1.6 Mbit/s down', SLOW_MOBILE]] });
console.log(press.lines.join('\n'));
lines.splice(pressAt, 0, ...press.lines);

// SRP: the work of one sign-in, ours (wasm) against amazon-cognito-identity-js, same browser.
const vector = JSON.parse(readFileSync(join(ROOT, 'core', 'src', 'srp', 'vectors.json'), 'utf8')).cases[0];
execFileSync(esbuild, [join(BENCH, 'alternatives', 'srp-identity-js.js'), '--bundle', '--minify', '--format=esm', '--platform=browser',
  '--define:global=window', `--outfile=${join(DIST, 'srp-js.js')}`, '--log-level=error'], { cwd: BENCH });
writeFileSync(join(DIST, 'srp.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="srp-js.js"></script></head><body></body></html>');
/** One SRP sign-in's compute in a fresh page: `first` is the first call (module compile and
 * warm-up included, as a person's one sign-in), `median` the median of 7 calls after it. */
async function srpTimes() {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:19591/srp.html');
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const times = await page.evaluate(async (v) => {
    const wasm = await import('/srp-pkg/cognito_reset_link.js');
    await wasm.default();
    const random = new Uint8Array(v.random_hex.match(/../g).map((h) => parseInt(h, 16)));
    const pool = v.pool_id.split('_')[1];
    const ours = () => wasm.srp_for_bench(random, pool, v.user_id, v.password, v.big_b_hex, v.salt_hex, v.secret_block);
    const theirs = () => window.srpJs(pool, v.user_id, v.password, v.big_b_hex, v.salt_hex);
    const once = async (f) => { const s = performance.now(); await f(); return performance.now() - s; };
    const run = async (f) => { const t = []; for (let i = 0; i < 7; i++) t.push(await once(f)); return t.sort((a, b) => a - b)[3]; };
    // Each runs its first call in the same fresh page: neither has been compiled or warmed yet.
    const first = { wasm: await once(ours), js: await once(theirs) };
    return { first, median: { wasm: await run(ours), js: await run(theirs) } };
  }, vector);
  await page.close();
  return times;
}
const fresh = [];
for (let i = 0; i < 7; i++) fresh.push(await srpTimes());
const firstWasm = median(fresh.map((t) => t.first.wasm));
const firstJs = median(fresh.map((t) => t.first.js));
const warmWasm = median(fresh.map((t) => t.median.wasm));
const warmJs = median(fresh.map((t) => t.median.js));
say('## SRP sign-in compute (A, then the password claim; same browser, no throttling)');
say();
say('| implementation | first call in a fresh page, median of 7 pages (ms) | later calls, median (ms) |');
say('|---|---:|---:|');
say(`| this kit (wasm: sha2, hmac, hkdf, crypto-bigint) | ${firstWasm.toFixed(1)} | ${warmWasm.toFixed(1)} |`);
say(`| amazon-cognito-identity-js | ${firstJs.toFixed(1)} | ${warmJs.toFixed(1)} |`);
say(`| **amazon-cognito-identity-js / this kit** | **${(firstJs / firstWasm).toFixed(2)}x** | ${(warmJs / warmWasm).toFixed(2)}x |`);
say();
await browser.close();
await new Promise((r) => pages.close(r));
await new Promise((r) => alternatives.close(r));

// The trigger: zip size, and start to first response through a fake Runtime API.
execFileSync('cargo', ['build', '--quiet', '--profile', 'trigger', '-p', 'reset-link-trigger'], { cwd: ROOT, stdio: 'inherit' });
// Cargo builds where CARGO_TARGET_DIR says, when set.
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const zip = join(ROOT, 'target', 'lambda', 'reset-link-trigger', 'bootstrap.zip');
const event = readFileSync(join(ROOT, 'lambda', 'tests', 'fixtures', 'custom-message-forgot-password.json'));
async function firstResponse() {
  let started;
  return new Promise((resolve) => {
    const runtime = createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'Lambda-Runtime-Aws-Request-Id': 'r1', 'Lambda-Runtime-Deadline-Ms': String(Date.now() + 60_000),
          'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:eu-west-1:1:function:f', 'Content-Type': 'application/json' }).end(event);
      } else {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        res.writeHead(202).end('{}');
        child.kill();
        runtime.close();
        resolve(ms);
      }
    });
    let child;
    runtime.listen(0, '127.0.0.1', () => {
      started = process.hrtime.bigint();
      child = spawn(join(TARGET, 'trigger', 'reset-link-trigger'), [], { stdio: 'ignore', env: {
        AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${runtime.address().port}`, AWS_LAMBDA_FUNCTION_NAME: 'f', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
        AWS_LAMBDA_FUNCTION_VERSION: '1', AWS_LAMBDA_LOG_STREAM_NAME: 's', AWS_LAMBDA_LOG_GROUP_NAME: 'g',
        RESET_PAGE_URL: 'https://example.com/reset-password.html' } });
    });
  });
}
const starts = [];
for (let i = 0; i < LOADS; i++) starts.push(await firstResponse());
say('## The trigger');
say();
say(`| measure | value |\n|---|---:|\n| bootstrap.zip (arm64, npm run build:lambda) | ${existsSync(zip) ? `${statSync(zip).size} bytes` : 'not built'} |`
  + `\n| process start to first response, fake Runtime API (x86_64 host build, median of ${LOADS}) | ${median(starts).toFixed(1)} ms |`);
writeFileSync(join(BENCH, 'RESULTS.md'), `${lines.join('\n')}\n`);
console.log('\nWritten to bench/RESULTS.md');
