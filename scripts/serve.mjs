// A static server for the pages with the headers production sends (strict CSP, no referrer),
// so a violation shows up locally. Serves only the pages and www/, nothing else of the repo.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { securityHeaders } from '../deploy/headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const PAGES = new Set(['/index.html', '/reset-password.html', '/confirm.html', '/welcome.html', '/verify.html', '/sign-in.html']);
/** The local demo's stand-in for a team's app (served only with `demo`). */
const DEMO_APP = new Set(['/local/app.html', '/local/app.js', '/local/logo.svg']);

/**
 * Serves `root` on 127.0.0.1:`port`; `/www/config.json` comes from `configFile`.
 * `headersFor(path)` gives each response's headers (default: production's security headers
 * for `cognitoEndpoint`, never cached), so a test can play a host that sends other ones;
 * paths matching `missing` are answered 404, as a host or proxy that lost them would;
 * `demo` also serves the local demo app (local/app.html) and its example logo; `compress`
 * answers with brotli where the browser accepts it, as CloudFront does (the deploy uploads
 * the wasm precompressed, since CloudFront does not compress that type itself).
 * Resolves to the running server; its `seen` lists each request's path and Referer.
 */
export function serve({ root, port, configFile, cognitoEndpoint, headersFor, missing = /^$/, demo = false, compress = false }) {
  const production = {
    ...Object.fromEntries(securityHeaders(new URL(cognitoEndpoint).origin)),
    'Cache-Control': 'no-store',
  };
  const headersOf = headersFor ?? (() => production);
  const seen = [];
  const packed = new Map();
  const server = createServer(async (req, res) => {
    seen.push({ path: req.url, referer: req.headers.referer ?? null });
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') path = '/index.html';
    path = normalize(path);
    const allowed = PAGES.has(path) || (demo && DEMO_APP.has(path)) || (/^\/(www|assets)\//.test(path) && !path.includes('..'));
    const file = path === '/www/config.json' ? configFile : join(root, path);
    const headers = headersOf(path);
    try {
      if (!allowed || missing.test(path) || !['GET', 'HEAD'].includes(req.method)) throw new Error('not served');
      const body = await readFile(file);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        // Made once per file content: compressing on every request would time this server.
        const key = `${file}:${body.length}`;
        if (!packed.has(key)) packed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
        return res.end(packed.get(key));
      }
      res.writeHead(200, { ...headers, 'Content-Type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
  /** Every request so far: its path and Referer (null when none). */
  server.seen = seen;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
