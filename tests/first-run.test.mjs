// The first run on a machine a web developer has: no browser where Linux keeps one, no
// apt-get, no root. `npm start`'s set-up installs nothing as root and the demo starts; only
// the browser tests ask for browsers, and when they cannot have them they say which are
// missing and how to get them, before anything is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT } from '../scripts/paths.mjs';

/**
 * An environment where the browsers are out of reach and apt-get, sudo and a system-wide
 * cargo-lambda are stand-ins that refuse and write down that they were called.
 */
function outOfReach() {
  const stubs = mkdtempSync(join(tmpdir(), 'first-run-'));
  const log = join(stubs, 'called.log');
  writeFileSync(log, '');
  for (const name of ['apt-get', 'sudo', 'cargo-lambda']) {
    writeFileSync(join(stubs, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\nexit 1\n`);
    chmodSync(join(stubs, name), 0o755);
  }
  const env = { ...process.env, PATH: [stubs, process.env.PATH].join(delimiter), CHROMIUM: join(stubs, 'no-chromium'), FIREFOX: join(stubs, 'no-firefox') };
  return { env, called: () => readFileSync(log, 'utf8') };
}

test("npm start's set-up needs no browser and no root, and the demo starts", async () => {
  const { env, called } = outOfReach();
  const setup = spawnSync('node', ['scripts/setup.mjs'], { cwd: ROOT, env, encoding: 'utf8' });
  assert.equal(setup.status, 0, setup.stdout + setup.stderr);
  const demo = spawn('node', ['scripts/start.mjs'], {
    cwd: ROOT, detached: true, env: { ...env, COGNITO_PORT: '19910', LAMBDA_PORT: '19911', PAGE_PORT: '19912' },
  });
  let output = '';
  demo.stdout.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
  demo.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
  try {
    const deadline = Date.now() + 240_000;
    // The invitation the demo sends passes through the trigger: its link shows every part runs.
    while (!/Invitation link:\n\s+http:\/\/127\.0\.0\.1:19912\/welcome\.html#/.test(output)) {
      assert.ok(Date.now() < deadline && demo.exitCode === null, `the demo did not start:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    try { process.kill(-demo.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  assert.equal(called(), '', 'no apt-get, no sudo, and the trigger served by the cargo-lambda in .venv');
});

test('the browser tests name the browsers they cannot have, and how to get them, before building', () => {
  const { env, called } = outOfReach();
  const setup = spawnSync('node', ['scripts/setup.mjs', '--browsers'], { cwd: ROOT, env, encoding: 'utf8' });
  assert.equal(setup.status, 1);
  assert.match(setup.stderr, /the browser tests need browsers this machine lacks:/);
  assert.match(setup.stderr, /chromium: install Chromium or Google Chrome .*or set CHROMIUM/);
  assert.match(setup.stderr, /firefox: install Firefox .*or set FIREFOX/);
  assert.doesNotMatch(setup.stdout, /setup: (building|installing)/, 'it says so before installing or building anything');
  assert.match(called(), /^apt-get --version\n$/, 'apt-get was only asked whether it is there');
});
