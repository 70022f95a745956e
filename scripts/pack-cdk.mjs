// The CDK construct's part of the npm package (`npm run pack`), in <package>/cdk/: the
// construct compiled from npm/cdk/index.cts (CommonJS, which CDK apps in TypeScript or
// JavaScript, CommonJS or ESM, all load), shared.json (the headers and the trigger's settings,
// written from deploy/headers.mjs and deploy/trigger-settings.mjs, the one definition of each),
// the pages laid out by scripts/site.mjs, and the trigger's arm64 bootstrap.zip.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { IMMUTABLE, NO_CACHE, securityHeaders } from '../deploy/headers.mjs';
import { RESET_PAGE, TRIGGER_ALARMS, TRIGGER_ENVIRONMENT, TRIGGER_FUNCTION } from '../deploy/trigger-settings.mjs';
import { ROOT } from './paths.mjs';
import { PAGE_FILES, filesUnder, layOutPages } from './site.mjs';

/** The construct's source and the toolchain it is compiled with. */
const SOURCE = join(ROOT, 'npm', 'cdk');
/** Where `cargo lambda build --arm64 --output-format zip` writes the trigger. */
export const TRIGGER_ZIP = join(ROOT, 'target', 'lambda', 'reset-link-trigger', 'bootstrap.zip');
/** The Cognito origin the packed pages and headers name until the construct puts the pool's in. */
const STAND_IN = 'https://cognito-idp.pool-region.invalid';

/** Runs `npm ci` in `dir` unless its lock file is the one last installed there. */
export function installLocked(dir) {
  const lock = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex').slice(0, 12);
  const marker = join(dir, 'node_modules', `.installed-${lock}`);
  if (existsSync(marker)) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'inherit' });
  writeFileSync(marker, '');
}

/** Builds the trigger's arm64 zip with cargo-lambda (zig cross-compiles; cargo skips it when
 * nothing changed). `SKIP_TRIGGER_BUILD=1` packs the zip already in target/ as it is. */
export function buildTrigger() {
  if (process.env.SKIP_TRIGGER_BUILD === '1' && existsSync(TRIGGER_ZIP)) return;
  execFileSync('cargo', ['lambda', 'build', '--profile', 'trigger', '--arm64', '--output-format', 'zip', '-p', 'reset-link-trigger'],
    { cwd: ROOT, stdio: 'inherit' });
}

/** Writes `out`/cdk/; returns the entries for package.json's `files`. */
export function packCdk(out) {
  const dir = join(out, 'cdk');
  rmSync(dir, { recursive: true, force: true });
  installLocked(SOURCE);
  execFileSync(join(SOURCE, 'node_modules', '.bin', 'tsc'), ['-p', SOURCE, '--outDir', dir], { stdio: 'inherit' });
  writeFileSync(join(dir, 'shared.json'), `${JSON.stringify({
    standInOrigin: STAND_IN,
    headers: { default: securityHeaders(STAND_IN), includeSubdomains: securityHeaders(STAND_IN, { hstsIncludeSubdomains: true }) },
    cacheControl: { immutable: IMMUTABLE, revalidated: NO_CACHE },
    pages: PAGE_FILES,
    trigger: { environment: TRIGGER_ENVIRONMENT, function: TRIGGER_FUNCTION, resetPage: RESET_PAGE, alarms: TRIGGER_ALARMS },
  }, null, 2)}\n`);

  // The modules go up brotli-compressed, as `npm run deploy` uploads them: kept apart so the
  // construct can upload them with their Content-Encoding.
  const site = join(dir, 'site');
  layOutPages(site, STAND_IN);
  for (const file of filesUnder(join(site, 'assets')).filter((f) => f.endsWith('.wasm'))) {
    mkdirSync(join(dir, 'wasm', file, '..'), { recursive: true });
    writeFileSync(join(dir, 'wasm', file), brotliCompressSync(readFileSync(join(site, 'assets', file)),
      { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
    rmSync(join(site, 'assets', file));
  }

  buildTrigger();
  mkdirSync(join(dir, 'trigger'));
  copyFileSync(TRIGGER_ZIP, join(dir, 'trigger', 'bootstrap.zip'));
  return ['cdk/'];
}
