// The site as any static host serves it, in dist/site/: the pages pointing at a
// content-hashed assets/<hash>/ folder (cached for a year), the catalogues, config.json, and
// the response headers for hosts other than CloudFront (`_headers` for Netlify and Cloudflare
// Pages, `nginx-headers.conf`), all from deploy/headers.mjs. Each page's CSP <meta> floor is
// narrowed to the configured Cognito endpoint. `npm run deploy` uploads this layout to S3.
// config.json is checked first (deploy/config-check.mjs): a layout is written only for a
// config that may be served. HSTS covers subdomains only with --hsts-include-subdomains.
//
//   npm run site [-- --config path/to/config.json] [--hsts-include-subdomains]   (default: www/config.json)
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { join, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigRefused, SITE_BASE, checkConfig, exitIfRefused, siteConfig } from '../deploy/config-check.mjs';
import { ANY_COGNITO, IMMUTABLE, NO_CACHE, cognitoOrigin, metaCsp, netlifyHeaders, nginxHeaders } from '../deploy/headers.mjs';
import { ROOT } from './paths.mjs';

/** Where the layout is written. */
export const DIST = join(ROOT, 'dist', 'site');
/** The pages, at the site's root. */
export const PAGE_FILES = ['index.html', 'reset-password.html', 'confirm.html', 'welcome.html', 'verify.html', 'sign-in.html'];

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full).map((f) => join(entry.name, f)) : [entry.name];
  });
}

/** Image files a logo may be: the emails and pages show these (mail clients do not show SVG). */
const LOGO_TYPES = /\.(png|jpe?g|gif|webp|svg)$/i;

/** The file in the project that `config.brand.logo` (a path on the site, whose root is the
 * project's, as the local server serves it) names, or null when there is no logo. Throws
 * ConfigRefused when the file is missing: the emails would point at nothing. */
export function logoFile(config) {
  const logo = config.brand?.logo;
  if (!logo) return null;
  const path = new URL(logo, SITE_BASE).pathname;
  const file = join(ROOT, path);
  if (!file.startsWith(ROOT + sep) || !LOGO_TYPES.test(path) || !existsSync(file)) {
    throw new ConfigRefused(`config.json is refused; nothing was written or uploaded:\n  - "brand.logo" is ${JSON.stringify(logo)}, `
      + `but there is no image file ${path.slice(1)} in the project to publish with the pages (PNG, JPEG, GIF, WebP or SVG). `
      + 'Put the logo there, or change "brand.logo".');
  }
  return { file, path };
}

/**
 * Writes the pages, their content-hashed assets and the catalogues into `dir` (emptied
 * first), each page's CSP <meta> floor naming `origin`; returns the assets prefix. The npm
 * package's CDK construct ships this part (scripts/pack.mjs), with a stand-in origin.
 */
export function layOutPages(dir, origin) {
  rmSync(dir, { recursive: true, force: true });
  // A brand font sits in www/fonts/, beside brand.css, which names it relatively.
  const fonts = existsSync(join(ROOT, 'www', 'fonts')) ? filesUnder(join(ROOT, 'www', 'fonts')).map((f) => `www/fonts/${f}`) : [];
  const assets = ['www/style.css', 'www/brand.css', ...fonts, ...filesUnder(join(ROOT, 'www', 'pkg'))
    .filter((f) => /\.(js|wasm)$/.test(f)).map((f) => `www/pkg/${f}`)];
  const hash = createHash('sha256');
  for (const asset of assets) hash.update(asset).update(readFileSync(join(ROOT, asset)));
  const prefix = `assets/${hash.digest('hex').slice(0, 12)}`;
  for (const asset of assets) {
    mkdirSync(join(dir, prefix, asset, '..'), { recursive: true });
    cpSync(join(ROOT, asset), join(dir, prefix, asset));
  }
  for (const page of PAGE_FILES) {
    const source = readFileSync(join(ROOT, page), 'utf8');
    const floor = metaCsp(ANY_COGNITO);
    if (!source.includes(floor)) throw new Error(`${page} lacks the CSP <meta> of deploy/headers.mjs`);
    const html = source.replace(floor, metaCsp(origin)).replace(/(href|src)="www\/(?!config\.json)/g, `$1="${prefix}/www/`);
    writeFileSync(join(dir, page), html);
  }
  mkdirSync(join(dir, 'www'), { recursive: true });
  cpSync(join(ROOT, 'core', 'i18n'), join(dir, 'www', 'i18n'), { recursive: true });
  return prefix;
}

/**
 * Lays out dist/site/ for `config` (the config.json object); returns the assets prefix.
 * `local`: the site is for this machine and may call an emulator over http on 127.0.0.1;
 * `hstsIncludeSubdomains`: the headers' HSTS covers subdomains too. Throws ConfigRefused
 * before writing anything when the config must not be served.
 */
export function layOut(config, { local = false, hstsIncludeSubdomains = false } = {}) {
  checkConfig(config, { local });
  const logo = logoFile(config);
  const origin = cognitoOrigin(config, { local });
  const prefix = layOutPages(DIST, origin);
  writeFileSync(join(DIST, 'www', 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  // The logo the brand names, at the same path: the pages and every email load it from there.
  if (logo) {
    mkdirSync(join(DIST, logo.path, '..'), { recursive: true });
    cpSync(logo.file, join(DIST, logo.path));
  }
  writeFileSync(join(DIST, '_headers'), netlifyHeaders(origin, { hstsIncludeSubdomains }));
  writeFileSync(join(DIST, 'nginx-headers.conf'), nginxHeaders(origin, { hstsIncludeSubdomains }));
  return prefix;
}

/** How each kind of file is served. */
const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8', wasm: 'application/wasm', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg',
  jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', woff2: 'font/woff2', woff: 'font/woff' };
/** Files of the layout for hosts that read them, never uploaded to S3 (CloudFront or the
 * team's own distribution sends the headers). */
const NOT_UPLOADED = new Set(['_headers', 'nginx-headers.conf']);

/** The bucket and key prefix of `target` (`s3://bucket/` or `s3://bucket/path/`). */
export function bucketAndPrefix(target) {
  const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(target);
  return { bucket, prefix };
}

/**
 * The AWS CLI calls that upload dist/site/ (laid out with assets under `prefix`) to `target`
 * (`s3://bucket/` or `s3://bucket/path/`): each file with its Content-Type and Cache-Control
 * (pages and config.json revalidated, hashed assets cached a year), each naming `owner`, the
 * account that must own the bucket: S3 refuses the write when another account owns it (a
 * mistyped or squatted bucket name), which `s3 cp` cannot ask for. CloudFront compresses
 * pages, scripts and styles itself, but not WebAssembly: the modules go up brotli-compressed
 * (written to dist/packed/) with their Content-Encoding, which every browser that runs the
 * pages reads over HTTPS, so a phone downloads about a third of their bytes.
 */
export function uploadCommands(target, prefix, owner) {
  const packed = join(ROOT, 'dist', 'packed');
  const { bucket, prefix: keys } = bucketAndPrefix(target);
  return filesUnder(DIST).filter((f) => !NOT_UPLOADED.has(f)).sort().map((file) => {
    const extension = file.split('.').pop();
    const cache = file.startsWith(`${prefix}/`) ? IMMUTABLE : NO_CACHE;
    let body = join('dist', 'site', file);
    const encoding = [];
    if (extension === 'wasm') {
      mkdirSync(join(packed, file, '..'), { recursive: true });
      writeFileSync(join(packed, file), brotliCompressSync(readFileSync(join(DIST, file)), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = join('dist', 'packed', file);
      encoding.push('--content-encoding', 'br');
    }
    return ['s3api', 'put-object', '--bucket', bucket, '--key', `${keys}${file}`, '--body', body,
      '--content-type', TYPES[extension] ?? 'application/octet-stream', '--cache-control', cache, ...encoding, '--expected-bucket-owner', owner];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { config: { type: 'string', default: join(ROOT, 'www', 'config.json') },
    'hsts-include-subdomains': { type: 'boolean', default: false } } });
  // The same config.json the deploy and publish-pages write, from the ids the file names.
  const config = siteConfig(JSON.parse(readFileSync(values.config, 'utf8')));
  // A layout may call an emulator on this machine (the local stack's and the tests' sites).
  exitIfRefused(config, { local: true, check: () => logoFile(config) });
  layOut(config, { local: true, hstsIncludeSubdomains: values['hsts-include-subdomains'] });
  console.log(`dist/site/ is ready for any static host; calls go to ${cognitoOrigin(config, { local: true })}.
Serve its _headers (Netlify, Cloudflare Pages) or include nginx-headers.conf (nginx).`);
}
