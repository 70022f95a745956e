// What each page downloads before it is interactive (and all the reset page fetches), and its size raw, gzip -9 and
// brotli -q 11. Shared by the benchmark and the byte-budget test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './paths.mjs';

/** The files a page with module `page` (www/pkg/<page>.js) downloads after its HTML. */
const module = (page) => ['www/style.css', `www/pkg/${page}.js`, `www/pkg/${page}_bg.wasm`, 'www/config.json'];
/** The files of each page. */
export const PAGES = {
  'reset-password.html': ['reset-password.html', ...module('reset')],
  'index.html': ['index.html', ...module('forgot')],
  'confirm.html': ['confirm.html', ...module('confirm')],
};

/**
 * Everything the reset page fetches in English: what makes the form usable, then the account
 * module it loads while the person types (the calls and the SRP sign-in).
 */
export const RESET_EVERYTHING = [...PAGES['reset-password.html'], 'www/pkg/account.js', 'www/pkg/account_bg.wasm'];

/** Raw, gzip -9 and brotli -q 11 sizes of `bytes`. */
export function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Per-file sizes of a list of files (relative to the repository) and their total. */
export function sizesOf(files, root = ROOT) {
  const rows = files.map((file) => ({ file, ...measure(readFileSync(join(root, file))) }));
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}
