// The wait people feel: from the press of "Change password" until the person is signed in,
// for the kit's reset page and the peer pages that sign in, against the benchmark's Cognito
// (scripts/press-standin.mjs). Used by `npm run bench`.
import { writeFileSync } from 'node:fs';
import { startPressStandIn } from './press-standin.mjs';
import { throttledPage } from './trace.mjs';

/** How long a person takes to type the new password twice, after the form works. */
export const TYPING_MS = 3000;
/** The new password every page sets (it meets the default policy). */
const PASSWORD = 'Bench-press-1!';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs in every document of a timed page, before its scripts: the page itself records the
 * moment of the press (the form's submit, seen first, in the capture phase) and the moment
 * the session is stored (the last of an account's ID, access and refresh tokens and
 * `LastAuthUser` written to localStorage under Cognito's keys, as the libraries and the kit
 * write them), the same way for every page. `window.signedIn` resolves to both (ms on the
 * page's clock) and the calls made since the press; a page that moves on once signed in (the kit goes to afterSignInUrl) finds
 * them again in sessionStorage.
 */
function recordPress() {
  const PREFIX = 'CognitoIdentityServiceProvider.';
  const LAST = '.LastAuthUser';
  const CARRIED = 'bench-press';
  let pressed = null;
  let done = false;
  let resolve;
  window.signedIn = new Promise((r) => { resolve = r; });
  const carried = sessionStorage.getItem(CARRIED);
  if (carried) resolve(JSON.parse(carried));
  window.addEventListener('submit', () => { pressed ??= performance.now(); }, true);
  const complete = () => Object.keys(localStorage).some((key) => {
    if (!key.startsWith(PREFIX) || !key.endsWith(LAST)) return false;
    const user = `${key.slice(0, -LAST.length)}.${localStorage.getItem(key)}`;
    return ['idToken', 'accessToken', 'refreshToken'].every((token) => localStorage.getItem(`${user}.${token}`) !== null);
  });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (done || pressed === null || this !== localStorage || !String(key).startsWith(PREFIX) || !complete()) return;
    done = true;
    const signedIn = performance.now();
    // The calls since the press (fetch's start and end), for the account of where the wait goes.
    const calls = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch' && e.startTime >= pressed)
      .map((e) => [e.startTime - pressed, e.responseEnd - pressed]);
    const moments = { pressed, signedIn, calls };
    setItem.call(sessionStorage, CARRIED, JSON.stringify(moments));
    resolve(moments);
  };
}

/**
 * One press on a fresh load of `url` (4x CPU throttling, `network` emulated when given): the
 * form filled once it works, the press `TYPING_MS` later. Returns `{ time, calls }`: the
 * milliseconds from the press until signed in, and each call's start and end (ms from the
 * press). Throws when the page does not sign in within a minute.
 */
async function pressOnce(browser, url, network) {
  const { context, page } = await throttledPage(browser, network);
  try {
    await page.addInitScript(recordPress);
    await page.goto(url, { timeout: 120_000 });
    await page.evaluate(() => window.ready);
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await page.waitForTimeout(TYPING_MS);
    // Asked before the press, so that the answer comes as soon as the page records it.
    const asked = page.evaluate(() => window.signedIn).catch(() => null);
    await page.click('#submit');
    // A page that moved on: its next document finds the moments in sessionStorage.
    const late = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await page.evaluate(() => window.signedIn);
        } catch (error) {
          if (attempt === 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${url}: not signed in within a minute`)), 60_000));
    const moments = await Promise.race([asked.then((found) => found ?? late()), timeout]);
    return { time: moments.signedIn - moments.pressed, calls: moments.calls };
  } finally {
    await context.close();
  }
}

/**
 * Press → signed in for each of `urls` over `rounds` rounds, each round pressing on every
 * page once in an order that turns by one each round (as the time-to-usable measure does).
 * Per url: `{ times, median, min, max }`, `times` in round order.
 */
export async function timePress(browser, urls, network, rounds) {
  const presses = urls.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < urls.length; k++) {
      const i = (k + round) % urls.length;
      presses[i].push(await pressOnce(browser, urls[i], network));
    }
  }
  return presses.map((runs) => {
    const times = runs.map((run) => run.time);
    return { times, median: median(times), min: Math.min(...times), max: Math.max(...times), phases: phasesOf(runs) };
  });
}

/** The parts of the wait, in order: the page's work around three calls and the calls. */
const PHASES = ['press → 1st call', 'ConfirmForgotPassword', '→ 2nd call', 'InitiateAuth', '→ 3rd call (the claim)', 'RespondToAuthChallenge', '→ session stored'];

/** The median of each part of the wait over `runs` (null when a page made other than three calls). */
function phasesOf(runs) {
  const split = runs.filter((run) => run.calls.length === 3).map(({ time, calls: [[s1, e1], [s2, e2], [s3, e3]] }) =>
    [s1, e1 - s1, s2 - e1, e2 - s2, s3 - e2, e3 - s3, time - e3]);
  return split.length ? PHASES.map((_, i) => median(split.map((parts) => parts[i]))) : null;
}

/** Where each page's wait goes: `pages` are `[label, result]`. */
export function phasesTable(pages) {
  const rows = [`| page | ${PHASES.join(' | ')} |`, `|---|${PHASES.map(() => '---:').join('|')}|`];
  for (const [label, t] of pages) rows.push(`| ${label} | ${t.phases ? t.phases.map((ms) => ms.toFixed(0)).join(' | ') : PHASES.map(() => '-').join(' | ')} |`);
  return rows;
}

/**
 * The table of one profile: `pages` are `[label, result]`, the floor first and the kit
 * labelled `kit`; each row has the median, min, max, the ratio to the floor, and the rounds
 * in which the kit was ahead of that page with the median of the per-round gaps.
 */
export function pressTable(pages, kit) {
  const floor = pages[0][1];
  const mine = pages.find(([label]) => label === kit)[1];
  const rows = ['| page | median ms | min | max | median ÷ floor | this kit ahead: rounds, median lead ms |', '|---|---:|---:|---:|---:|---:|'];
  for (const [label, t] of pages) {
    const leads = t.times.map((time, round) => time - mine.times[round]);
    const ahead = label === kit ? '' : `${leads.filter((lead) => lead > 0).length} of ${leads.length}, ${median(leads).toFixed(0)}`;
    rows.push(`| ${label} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} | ${t.max.toFixed(0)} | ${(t.median / floor.median).toFixed(2)} | ${ahead} |`);
  }
  return rows;
}

/** The benchmark's pool and the account every page resets (the link's user_name and email=). */
const POOL_ID = 'eu-west-1_BenchPool';
const ACCOUNT = { username: '8d5f2c1e-3b4a-4c6d-9e8f-0a1b2c3d4e5f', sub: '8d5f2c1e-3b4a-4c6d-9e8f-0a1b2c3d4e5f', email: 'bench@example.com', password: 'Old-password-1!' };
/** What Cognito takes to answer a call, here the same for every call of every page. */
export const SERVER_DELAY_MS = 100;
/** The reset link's fragment, as the trigger writes it. */
export const LINK = `#confirmation_code=123456&user_name=${ACCOUNT.username}&email=${encodeURIComponent(ACCOUNT.email)}`;

/**
 * The press section of the results: writes the press configuration to `configFile` (served
 * to every page), starts the benchmark's Cognito on `endpoint`, and times `pages`
 * (`[label, url]`, the floor first; the kit labelled `kit`) on each of `profiles`
 * (`[title, network]`) over `rounds` rounds after one warm-up round. Returns
 * `{ lines, results }`, `results` per profile title.
 */
export async function pressSection({ browser, configFile, endpoint, pages, kit, profiles, rounds }) {
  writeFileSync(configFile, JSON.stringify({ region: 'eu-west-1', userPoolId: POOL_ID, clientId: 'benchclient', endpoint, signIn: 'srp',
    session: 'amplify', afterSignInUrl: '/index.html?signed-in' }));
  const standIn = await startPressStandIn({ port: Number(new URL(endpoint).port), poolId: POOL_ID, account: { ...ACCOUNT },
    delay: SERVER_DELAY_MS, unchecked: ['bench-floor'] });
  const lines = ['## The wait people feel: from the press of "Change password" until signed in', '',
    `Each page is the reset page of the time-to-usable tables below, opened from the same link. Its form is filled once it works and `
    + `pressed ${TYPING_MS / 1000} s later (a person typing a new password twice), so the kit's account module and the SRP values it makes `
    + 'ahead are ready as they would be for a person. Signed in: the session stored in localStorage under Cognito\'s keys, a moment the '
    + `page records itself. The benchmark's Cognito (scripts/press-standin.mjs) checks every SRP claim with the tests' verifier and answers `
    + `each call ${SERVER_DELAY_MS} ms after it arrives. The floor sends the same three calls with bodies made beforehand, with no SRP math. `
    + 'Chromium\'s emulated latency is a minimum per request (an answer that comes sooner waits for it), so on the slow mobile profile '
    + `the ${SERVER_DELAY_MS} ms of the server lie within the 150 ms. Headless Chromium, 4x CPU throttling, ${rounds} presses each, pages taking turns.`, ''];
  const results = {};
  try {
    const urls = pages.map(([, url]) => `${url}${LINK}`);
    await timePress(browser, urls, undefined, 1);
    for (const [title, network] of profiles) {
      const timed = await timePress(browser, urls, network, rounds);
      results[title] = timed;
      lines.push(`### ${title[0].toUpperCase()}${title.slice(1)}`, '');
      lines.push(...pressTable(pages.map(([label], i) => [label, timed[i]]), kit), '');
    }
    const [slowest, timed] = Object.entries(results).at(-1);
    lines.push(`### Where the wait goes (${slowest}, medians, ms; a call is the time from its fetch to its whole answer)`, '');
    lines.push(...phasesTable(pages.map(([label], i) => [label, timed[i]])), '');
  } finally {
    await standIn.close();
  }
  return { lines, results, seen: standIn.seen };
}
