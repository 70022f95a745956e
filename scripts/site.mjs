// The site as any static host serves it, in dist/site/: the pages pointing at a
// content-hashed assets/<hash>/ folder (cached for a year), the catalogues, config.json, and
// the response headers for hosts other than CloudFront (`_headers` for Netlify and Cloudflare
// Pages, `nginx-headers.conf`), all from deploy/headers.mjs. Each page's CSP <meta> floor is
// narrowed to the configured Cognito endpoint. `npm run deploy` uploads this layout to S3.
//
//   npm run site [-- --config path/to/config.json]      (default: www/config.json)
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANY_COGNITO, cognitoOrigin, metaCsp, netlifyHeaders, nginxHeaders } from '../deploy/headers.mjs';
import { ROOT } from './paths.mjs';

/** Where the layout is written. */
export const DIST = join(ROOT, 'dist', 'site');
/** The pages, at the site's root. */
export const PAGE_FILES = ['index.html', 'reset-password.html', 'confirm.html', 'welcome.html', 'verify.html'];

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full).map((f) => join(entry.name, f)) : [entry.name];
  });
}

/** Lays out dist/site/ for `config` (the config.json object); returns the assets prefix. */
export function layOut(config) {
  const origin = cognitoOrigin(config);
  rmSync(DIST, { recursive: true, force: true });
  const assets = ['www/style.css', 'www/brand.css', ...filesUnder(join(ROOT, 'www', 'pkg'))
    .filter((f) => /\.(js|wasm)$/.test(f)).map((f) => `www/pkg/${f}`)];
  const hash = createHash('sha256');
  for (const asset of assets) hash.update(asset).update(readFileSync(join(ROOT, asset)));
  const prefix = `assets/${hash.digest('hex').slice(0, 12)}`;
  for (const asset of assets) {
    mkdirSync(join(DIST, prefix, asset, '..'), { recursive: true });
    cpSync(join(ROOT, asset), join(DIST, prefix, asset));
  }
  for (const page of PAGE_FILES) {
    const source = readFileSync(join(ROOT, page), 'utf8');
    const floor = metaCsp(ANY_COGNITO);
    if (!source.includes(floor)) throw new Error(`${page} lacks the CSP <meta> of deploy/headers.mjs`);
    const html = source.replace(floor, metaCsp(origin)).replace(/(href|src)="www\/(?!config\.json)/g, `$1="${prefix}/www/`);
    writeFileSync(join(DIST, page), html);
  }
  mkdirSync(join(DIST, 'www'), { recursive: true });
  cpSync(join(ROOT, 'core', 'i18n'), join(DIST, 'www', 'i18n'), { recursive: true });
  writeFileSync(join(DIST, 'www', 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(join(DIST, '_headers'), netlifyHeaders(origin));
  writeFileSync(join(DIST, 'nginx-headers.conf'), nginxHeaders(origin));
  return prefix;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { config: { type: 'string', default: join(ROOT, 'www', 'config.json') } } });
  const config = JSON.parse(readFileSync(values.config, 'utf8'));
  layOut(config);
  console.log(`dist/site/ is ready for any static host; calls go to ${cognitoOrigin(config)}.
Serve its _headers (Netlify, Cloudflare Pages) or include nginx-headers.conf (nginx).`);
}
