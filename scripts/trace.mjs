// The benchmark's page loads: a throttled page that records when its form is usable, and one
// traced load (Chromium's performance trace, as DevTools records it) summed into where the
// main thread's time goes between the module being ready and the form being usable. Used by
// `npm run bench`.

/** Trace categories: script, wasm compilation, style, layout and paint, and the page's marks. */
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing', 'loading'];

/** The kinds of main-thread work the summary names, by trace event (none nests in another). */
const KINDS = [
  ['wasm compiled on its first call (V8 compiles each function lazily)', /^wasm\.CompileLazy$/],
  ['JavaScript parsed and compiled', /^V8\.(CompileCode|ParseFunction|CompileIgnition.*|CollectSourcePositions)$/],
  ['style, layout and paint', /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize)$/],
];

/**
 * A page in a new context of `browser` (preferring `locale`'s language when given) with 4x CPU
 * throttling and, when given, `network` emulated, which records the moment `<body data-ready>`
 * appears as `window.ready` (a MutationObserver in the page: the driver never polls while the
 * page starts). Returns `{ context, page, cdp }`.
 */
export async function throttledPage(browser, network, locale) {
  const context = await browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.addInitScript(() => {
    window.ready = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (document.body?.hasAttribute('data-ready')) {
          observer.disconnect();
          resolve(performance.now());
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
  });
  return { context, page, cdp };
}

/**
 * Loads `url` once in a new context of `browser` with 4x CPU throttling and `network`
 * emulated, recording a trace; returns `{ window, rows, compiled }`: the milliseconds from the
 * `module-ready` mark to `<body data-ready>`, the number of wasm functions compiled in it, and
 * that window's time by kind, the last row being the rest (running the start-up code, which
 * the trace does not split out of the microtasks it runs in, and waiting); null when the page
 * set no mark.
 */
export async function traceStart(browser, url, network) {
  const { context, page, cdp } = await throttledPage(browser, network);
  const events = [];
  cdp.on('Tracing.dataCollected', (batch) => events.push(...batch.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(url, { timeout: 120_000 });
  const { ready, moduleReady } = await page.evaluate(async () => ({
    ready: await window.ready,
    moduleReady: performance.getEntriesByName('module-ready')[0]?.startTime,
  }));
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const mark = events.find((e) => e.name === 'module-ready' && e.cat.includes('blink.user_timing'));
  if (!mark || moduleReady === undefined) return null;
  // The trace counts microseconds on its own clock; the page's moments are anchored to the mark.
  const from = mark.ts;
  const to = from + (ready - moduleReady) * 1000;
  const within = (e) => e.tid === mark.tid && e.ph === 'X' && e.ts >= from && e.ts + (e.dur ?? 0) <= to;
  const ms = (pattern) => events.filter((e) => within(e) && pattern.test(e.name)).reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const rows = KINDS.map(([label, pattern]) => [label, ms(pattern)]);
  const named = rows.reduce((sum, [, value]) => sum + value, 0);
  rows.push(['the rest: running the start-up code, and waiting', Math.max(0, ready - moduleReady - named)]);
  const compiled = events.filter((e) => within(e) && e.name === 'wasm.CompileLazy').length;
  return { window: ready - moduleReady, rows, compiled };
}
