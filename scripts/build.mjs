// Builds the browser module into www/pkg, one module per page (the `page-*` features): wasm-pack
// (release, wasm-opt -Oz from the npm binaryen package: Debian's binaryen produces wasm that
// crashes at run time), shorter generated import and export names (scripts/short-names.mjs),
// then www/boot.js and the page's glue bundled and minified by esbuild into www/pkg/<page>.js
// next to www/pkg/<page>_bg.wasm. Skips the build when www/pkg is newer than its sources.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './paths.mjs';
import { shellCopy } from './shell-import.mjs';
import { shortenNames } from './short-names.mjs';

/** One module per page (the `page-*` features), named after `<body data-page>`. */
export const PAGE_MODULES = ['forgot', 'reset', 'confirm'];
const PKG = join(ROOT, 'www', 'pkg');
const OUTPUTS = PAGE_MODULES.map((page) => join(PKG, `${page}_bg.wasm`));
const SOURCES = ['Cargo.toml', 'Cargo.lock', 'build.rs', 'src', 'core/src', 'core/Cargo.toml', 'core/i18n/en.json', 'www/boot.js', 'www/shell.js'];

/** Newest modification time under `path`. */
function newest(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newest(join(path, name))));
}

const built = Math.min(...OUTPUTS.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
if (built > Math.max(...SOURCES.map(newest)) && !process.argv.includes('--force')) {
  console.log('build: www/pkg is up to date');
} else {
  rmSync(PKG, { recursive: true, force: true });
  mkdirSync(PKG, { recursive: true });
  const path = [join(ROOT, 'node_modules', 'binaryen', 'bin'), process.env.PATH].join(delimiter);
  for (const page of PAGE_MODULES) {
    const out = join(ROOT, 'target', 'pages', page);
    execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--no-typescript', '--no-pack',
      '--mode', 'no-install', '--out-dir', out, '--out-name', page, '.',
      '--no-default-features', '--features', `page-${page}`], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: path } });
    shortenNames(join(out, `${page}_bg.wasm`), join(out, `${page}.js`));
    copyFileSync(join(out, `${page}_bg.wasm`), join(PKG, `${page}_bg.wasm`));
    // One minified script per page: www/boot.js and www/shell.js with the page's glue (its
    // unused exports dropped, and its console warnings for misconfigured servers: the pages'
    // own code never logs). wasm-bindgen imports shell.js once per import kind, hence the
    // duplicate keys esbuild would warn about.
    execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(ROOT, 'www', 'boot.js'), '--bundle', '--minify',
      '--format=esm', '--target=es2020', '--drop:console', '--log-level=warning', '--log-override:duplicate-object-key=silent',
      `--alias:page-module=${join(out, `${page}.js`)}`, `--alias:page-shell=${shellCopy(out)}`,
      `--outfile=${join(PKG, `${page}.js`)}`], { stdio: 'inherit' });
  }
}

// The pages fetch the catalogue of a language other than English from www/i18n/.
cpSync(join(ROOT, 'core', 'i18n'), join(ROOT, 'www', 'i18n'), { recursive: true });
