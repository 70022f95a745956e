// A static server for the pages with the headers production sends (strict CSP, no referrer),
// so a violation shows up locally. Serves only the pages and www/, nothing else of the repo.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const PAGES = new Set(['/index.html', '/reset-password.html', '/confirm.html']);

/** The Content-Security-Policy the pages run under; `cognito` is the endpoint they call. */
export function contentSecurityPolicy(cognito) {
  const origin = new URL(cognito).origin;
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${origin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves `root` on 127.0.0.1:`port`; `/www/config.json` comes from `configFile`.
 * Resolves to the running server.
 */
export function serve({ root, port, configFile, cognitoEndpoint }) {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(cognitoEndpoint),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') path = '/index.html';
    path = normalize(path);
    const allowed = PAGES.has(path) || (/^\/(www|assets)\//.test(path) && !path.includes('..'));
    const file = path === '/www/config.json' ? configFile : join(root, path);
    try {
      if (!allowed || !['GET', 'HEAD'].includes(req.method)) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
