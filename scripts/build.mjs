// Builds the browser module into www/pkg: one module per page (the `page-*` features) and the
// account module the reset page loads once its form works (`page-account`: the calls and the
// SRP sign-in). wasm-pack (release, wasm-opt -Oz from the npm binaryen package: Debian's
// binaryen produces wasm that crashes at run time), then esbuild minifies each page's
// www/boot.js with its wasm-bindgen glue into www/pkg/<page>.js next to
// www/pkg/<page>_bg.wasm, and the account module's glue into www/pkg/account.js. Skips the
// build when www/pkg is newer than its sources.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './paths.mjs';

/** One module per page, named after `<body data-page>`. */
export const PAGE_MODULES = ['forgot', 'reset', 'confirm', 'welcome', 'verify', 'signin'];
/** Every module: the pages' and the reset page's account module. */
export const MODULES = [...PAGE_MODULES, 'account'];
const PKG = join(ROOT, 'www', 'pkg');
/** Chromium's explicit compile hint: compile every function of the file eagerly. It must be the file's first line. */
const EAGER_HINT = '//# allFunctionsCalledOnLoad';
const OUTPUTS = MODULES.map((module) => join(PKG, `${module}_bg.wasm`));
const SOURCES = ['Cargo.toml', 'Cargo.lock', 'build.rs', 'src', 'core/src', 'core/Cargo.toml', 'core/i18n', 'www/boot.js'];

/** Newest modification time under `path`. */
function newest(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newest(join(path, name))));
}

/** Builds module `name` with cargo feature `page-<name>` into target/pages/<name>; returns the folder. */
export function wasmPack(name, env = process.env) {
  const out = join(ROOT, 'target', 'pages', name);
  const path = [join(ROOT, 'node_modules', 'binaryen', 'bin'), env.PATH].join(delimiter);
  execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--no-typescript', '--no-pack',
    '--mode', 'no-install', '--out-dir', out, '--out-name', name, '.',
    '--no-default-features', '--features', `page-${name}`], { cwd: ROOT, stdio: 'inherit', env: { ...env, PATH: path } });
  return out;
}

/** The shipped languages, one catalogue each in core/i18n/ (boot.js requests the browser's early). */
const LANGUAGES = readdirSync(join(ROOT, 'core', 'i18n')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();

/** Minifies `entry` with esbuild into `outfile`; `aliases` map import names to files. */
function bundle(entry, outfile, aliases = {}) {
  // Console output is kept: it is for the deployer (a server sending the wrong wasm MIME
  // type, a brand the page left out, a panic's message). The account module stays a separate
  // file, loaded on demand.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--minify', '--format=esm',
    '--target=es2020', '--log-level=warning', '--external:./account.js', `--define:LANGUAGES=${JSON.stringify(LANGUAGES)}`,
    ...Object.entries(aliases).map(([name, file]) => `--alias:${name}=${file}`), `--outfile=${outfile}`], { stdio: 'inherit' });
}

const built = Math.min(...OUTPUTS.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
if (built > Math.max(...SOURCES.map(newest)) && !process.argv.includes('--force')) {
  console.log('build: www/pkg is up to date');
} else {
  rmSync(PKG, { recursive: true, force: true });
  mkdirSync(PKG, { recursive: true });
  for (const name of MODULES) {
    const out = wasmPack(name);
    copyFileSync(join(out, `${name}_bg.wasm`), join(PKG, `${name}_bg.wasm`));
    if (name === 'account') bundle(join(out, 'account.js'), join(PKG, 'account.js'));
    else {
      const script = join(PKG, `${name}.js`);
      bundle(join(ROOT, 'www', 'boot.js'), script, { 'page-module': join(out, `${name}.js`) });
      // Every function of a page's script runs while the page starts (the glue calls each
      // import the start-up uses): Chromium's compile hint has it compile them all off the
      // main thread while the file downloads, instead of one by one on first call, after the
      // module is ready. Other browsers read it as a comment.
      writeFileSync(script, `${EAGER_HINT}\n${readFileSync(script, 'utf8')}`);
    }
  }
}

// The pages fetch the catalogue of a language other than English from www/i18n/.
cpSync(join(ROOT, 'core', 'i18n'), join(ROOT, 'www', 'i18n'), { recursive: true });
