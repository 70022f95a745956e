// Installs what the project needs and is missing, skipping what is already there at the right
// version. A new machine starts with only Rust, Node and Python. Nothing here needs root but
// the browsers, which only `--browsers` (npm test, bench, screenshots) asks for.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingBrowsers } from './browsers.mjs';
import { ROOT } from './paths.mjs';

const WASM_BINDGEN = '0.2.130'; // must equal the `wasm-bindgen = "=..."` pin in Cargo.toml
const WASM_PACK = '0.15.1';

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

/** The browsers `--browsers` asks for: what is missing, checked before anything is installed
 * or built, so a machine that cannot get them hears so at once, with how to get them. */
function browsersWanted() {
  if (!process.argv.includes('--browsers')) return { missing: [] };
  const missing = missingBrowsers();
  if (missing.length === 0) return { missing };
  const hasApt = Boolean(probe('apt-get', ['--version']));
  const root = process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true']).status === 0;
  if (hasApt && root) return { missing };
  const debian = missing.flatMap((m) => m.debian).join(' ');
  const apt = hasApt ? `\n  or, as root: apt-get install -y --no-install-recommends ${debian}` : '';
  console.error(`setup: the browser tests need browsers this machine lacks:\n${missing.map((m) => `  ${m.name}: ${m.how}`).join('\n')}${apt}`);
  process.exit(1);
}
const browsers = browsersWanted();

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
// cargo-lambda (which builds and serves the trigger) comes from PyPI with the other Python
// tools, into .venv: current Debian, Ubuntu and Homebrew Pythons refuse a system-wide pip
// install. The scripts put .venv's bin on PATH where they call it (paths.mjs withTools).

// The browsers the tests open the pages in: Chromium, Firefox (driven over WebDriver BiDi)
// and WebKit (WebKitGTK's WebDriver on a virtual X display, or Safari's on macOS), installed
// from Debian's packages where apt-get answers and root is at hand.
if (browsers.missing.length > 0) {
  const debian = browsers.missing.flatMap((m) => m.debian);
  asRoot('refreshing Debian package lists', 'apt-get', ['update']);
  asRoot(`installing ${debian.join(', ')} for the browser tests`, 'apt-get', ['install', '-y', '--no-install-recommends', ...debian]);
}
