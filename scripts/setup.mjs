// Installs what the project needs and is missing, skipping what is already there at the right
// version. A new machine starts with only Rust, Node and Python.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const WASM_BINDGEN = '0.2.130'; // must equal the `wasm-bindgen = "=..."` pin in Cargo.toml
const WASM_PACK = '0.15.1';
const CARGO_LAMBDA = '1.9.2';

/** Output of a command, or '' when it is missing or fails. */
function probe(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}` : '';
}

/** Runs a command in the foreground; stops the setup when it fails. */
function run(what, command, args, options = {}) {
  console.log(`setup: ${what}`);
  execFileSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
}

/** Runs as root, or through sudo when that exists. */
function asRoot(what, command, args) {
  const root = process.getuid?.() === 0;
  if (root) return run(what, command, args);
  if (spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`setup: ${what} needs root; run: sudo ${command} ${args.join(' ')}`);
  }
  run(what, 'sudo', ['-n', command, ...args]);
}

// The Python tools for deploying and checking the deployment live in .venv.
const requirements = readFileSync(join(ROOT, 'deploy', 'requirements.txt'));
const marker = join(ROOT, '.venv', `.installed-${createHash('sha256').update(requirements).digest('hex').slice(0, 12)}`);
if (!existsSync(marker)) {
  if (!existsSync(join(ROOT, '.venv', 'bin', 'python'))) run('creating .venv', 'python3', ['-m', 'venv', '.venv']);
  run('installing the deployment tools into .venv', join(ROOT, '.venv', 'bin', 'pip'), ['install', '--quiet', '-r', 'deploy/requirements.txt']);
  writeFileSync(marker, '');
}
if (process.argv.includes('--python')) process.exit(0);

if (!probe('rustup', ['target', 'list', '--installed']).includes('wasm32-unknown-unknown')) {
  run('adding the wasm32 target', 'rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}

const lock = join(ROOT, 'node_modules', '.package-lock.json');
const stale = !existsSync(lock) || statSync(lock).mtimeMs < statSync(join(ROOT, 'package.json')).mtimeMs;
if (stale) {
  const ci = existsSync(join(ROOT, 'package-lock.json'));
  run('installing npm packages', 'npm', [ci ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

if (!probe('wasm-bindgen', ['--version']).includes(WASM_BINDGEN)) {
  // Without --locked: with it, resolution fails on a dependency version the registry lacks.
  run(`building wasm-bindgen ${WASM_BINDGEN} (a few minutes, once)`, 'cargo', ['install', 'wasm-bindgen-cli', '--version', WASM_BINDGEN]);
}
if (!probe('wasm-pack', ['--version']).includes(WASM_PACK)) {
  run(`building wasm-pack ${WASM_PACK} (a few minutes, once)`, 'cargo', ['install', 'wasm-pack', '--version', WASM_PACK, '--locked']);
}
if (!probe('cargo', ['lambda', '--version']).includes('cargo-lambda')) {
  run('installing cargo-lambda from PyPI', 'python3', ['-m', 'pip', 'install', '--quiet', `cargo-lambda==${CARGO_LAMBDA}`]);
}
// The browsers the tests open the pages in: Chromium, Firefox (driven over WebDriver BiDi)
// and WebKitGTK (its WebDriver, on a virtual X display), each from Debian.
const BROWSER_PACKAGES = [['/usr/bin/chromium', 'chromium'], ['/usr/bin/firefox-esr', 'firefox-esr'],
  ['/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'], ['/usr/bin/Xvfb', 'xvfb']];
const missingBrowsers = BROWSER_PACKAGES.filter(([file]) => !existsSync(file)).map(([, name]) => name);
if (missingBrowsers.length > 0) {
  asRoot('refreshing Debian package lists', 'apt-get', ['update']);
  asRoot(`installing ${missingBrowsers.join(', ')} for the browser tests`, 'apt-get', ['install', '-y', '--no-install-recommends', ...missingBrowsers]);
}
