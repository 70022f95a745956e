// Builds the browser module into www/pkg with wasm-pack (release, wasm-opt -Oz from the npm
// binaryen package: Debian's binaryen produces wasm that crashes at run time). Skips the
// build when www/pkg is newer than every source it comes from.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './paths.mjs';

const OUTPUT = join(ROOT, 'www', 'pkg', 'cognito_reset_link_bg.wasm');
const SOURCES = ['Cargo.toml', 'Cargo.lock', 'src', 'core/src', 'core/Cargo.toml'];

/** Newest modification time under `path`. */
function newest(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newest(join(path, name))));
}

const fresh = existsSync(OUTPUT) && statSync(OUTPUT).mtimeMs > Math.max(...SOURCES.map(newest));
if (fresh && !process.argv.includes('--force')) {
  console.log('build: www/pkg is up to date');
} else {
  const path = [join(ROOT, 'node_modules', 'binaryen', 'bin'), process.env.PATH].join(delimiter);
  execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--no-typescript', '--no-pack',
    '--mode', 'no-install', '--out-dir', 'www/pkg', '.'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: path } });
}

// The pages fetch the catalogue of a language other than English from www/i18n/.
cpSync(join(ROOT, 'core', 'i18n'), join(ROOT, 'www', 'i18n'), { recursive: true });
