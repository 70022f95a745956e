// What a page's wasm module spends its bytes on: the page's module built with names kept
// (wasm-bindgen --keep-debug, then wasm-opt with the real build's flags and -g), read by twiggy and
// summed per `crate::module`. Used by `npm run bench`; `node scripts/spend.mjs [page]` prints
// it alone. Needs twiggy (`cargo install twiggy`); returns null without it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

const OUT = join(ROOT, 'target', 'spend');
const WASM_OPT = join(ROOT, 'node_modules', 'binaryen', 'bin', 'wasm-opt');
/** The real build's wasm-opt flags (Cargo.toml, `[package.metadata.wasm-pack.profile.release]`). */
const BUILD_FLAGS = JSON.parse(/^wasm-opt = (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1]);
/** What Rust emits for wasm32 today (twiggy cannot read a module with every feature on). */
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
  .map((feature) => `--enable-${feature}`);

/** Whether `tool` runs. */
function available(tool) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Splits one line of twiggy's CSV (names may hold quoted commas). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '"' && quoted && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  return [...fields, field];
}

/** Who owns an item: `crate::module`, "data" for data segments, or the item itself. */
function owner(item) {
  if (item.startsWith('data segment')) return 'data (strings, tables, the English words)';
  if (item.startsWith('import ')) return 'imports (wasm-bindgen glue)';
  const trait = item.match(/^<[^<>]* as ([a-z_0-9]+)(?:\[[0-9a-f]+\])?::([a-z_0-9]+)/);
  const path = trait ?? item.replace(/^<+/, '').match(/^([a-z_0-9]+)(?:\[[0-9a-f]+\])?::([a-z_0-9]+)/);
  return path ? `${path[1]}::${path[2]}` : item.slice(0, 40);
}

/** The `top` largest owners in the module of `page`, as [{ owner, bytes }], and the total. */
export function spend(page = 'reset', top = 15) {
  if (!available('twiggy')) return null;
  mkdirSync(OUT, { recursive: true });
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'cognito-reset-link',
    '--no-default-features', '--features', `page-${page}`], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', OUT,
    join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'cognito_reset_link.wasm')]);
  const named = join(OUT, 'named.wasm');
  execFileSync(WASM_OPT, [...BUILD_FLAGS, '-g', '--strip-dwarf', ...FEATURES, join(OUT, 'cognito_reset_link_bg.wasm'), '-o', named]);
  const csv = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'csv', named], { maxBuffer: 1 << 26 }).toString();
  const totals = new Map();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [item, bytes] = csvFields(line);
    if (item.includes('function names')) continue;
    totals.set(owner(item), (totals.get(owner(item)) ?? 0) + Number(bytes));
  }
  const rows = [...totals].map(([name, bytes]) => ({ owner: name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { rows: rows.slice(0, top), total: rows.reduce((sum, row) => sum + row.bytes, 0) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = spend(process.argv[2] ?? 'reset');
  if (!result) {
    console.log('twiggy is not installed: cargo install twiggy');
  } else {
    for (const row of result.rows) console.log(`${String(row.bytes).padStart(7)}  ${row.owner}`);
    console.log(`${String(result.total).padStart(7)}  total (raw bytes, before compression)`);
  }
}
