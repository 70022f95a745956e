// The response headers the pages are served with: the one definition. CloudFront's response
// headers policy in template.yaml says the same (tests/deploy/headers.test.mjs compares them),
// the site layout writes it for other static hosts (`_headers` for Netlify and Cloudflare
// Pages, a snippet for nginx), the pages carry the CSP as a <meta> floor, and the local
// server sends it, so a violation shows up on this machine first.
import { endpointProblem } from './config-check.mjs';

/** Cache-Control of the content-hashed assets (`assets/<hash>/…`): a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of the pages and config.json: revalidated on every load. */
export const NO_CACHE = 'no-cache';

/**
 * The Content-Security-Policy directives for pages that call Cognito at `cognitoOrigin`.
 * `inMeta`: for a <meta> tag, which cannot carry `frame-ancestors` (browsers ignore it
 * there and say so in the console): only a header stops other sites from framing the pages.
 */
export function cspDirectives(cognitoOrigin, { inMeta = false } = {}) {
  const directives = [
    "default-src 'none'",
    // The module is a file of this site; WebAssembly compiles under 'wasm-unsafe-eval' (no
    // 'unsafe-eval', no inline script).
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    // A brand font (www/fonts/, named by brand.css) from the site itself; no font CDN.
    "font-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${cognitoOrigin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ];
  return inMeta ? directives.filter((d) => !d.startsWith('frame-ancestors')) : directives;
}

/** The Content-Security-Policy header value. */
export function contentSecurityPolicy(cognitoOrigin, options) {
  return cspDirectives(cognitoOrigin, options).join('; ');
}

/**
 * Every security header, as [name, value] pairs, for pages that call `cognitoOrigin`.
 * `hstsIncludeSubdomains` only when the deployer asks: on an apex domain it would force https
 * on every subdomain of the team's site for two years, including ones this kit never sees.
 */
export function securityHeaders(cognitoOrigin, { hstsIncludeSubdomains = false } = {}) {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(cognitoOrigin)],
    ['Strict-Transport-Security', `max-age=63072000${hstsIncludeSubdomains ? '; includeSubDomains' : ''}`],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ];
}

/** The Cognito endpoint's origin the pages of `config` (a config.json object) call; `local`
 * allows an emulator on this machine (http on 127.0.0.1 or localhost). */
export function cognitoOrigin(config, { local = false } = {}) {
  if (config.endpoint !== undefined) {
    // It goes into a CSP, a `_headers` line and an nginx string: only a plain origin may.
    const problem = endpointProblem(config.endpoint, { local });
    if (problem) throw new Error(`config.json: ${problem}`);
    return new URL(config.endpoint).origin;
  }
  const region = config.region ?? String(config.userPoolId ?? '').split('_')[0];
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`config.json names no usable region (${region || 'none'})`);
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/** The paths revalidated on every load (pages, config.json, catalogues); `assets/` is cached. */
export const REVALIDATED = ['/', '/index.html', '/reset-password.html', '/confirm.html', '/welcome.html', '/verify.html', '/sign-in.html', '/www/*'];

/** A `_headers` file as Netlify and Cloudflare Pages read it (`options` as securityHeaders takes them). Rules never set the same header
 * twice for one path: Netlify lets the later rule win, Cloudflare joins the values. */
export function netlifyHeaders(origin, options) {
  const block = (path, headers) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Written by scripts/site.mjs from deploy/headers.mjs: edit that, not this.',
    block('/*', securityHeaders(origin, options)),
    ...REVALIDATED.map((path) => block(path, [['Cache-Control', NO_CACHE]])),
    block('/assets/*', [['Cache-Control', IMMUTABLE]]),
    '',
  ].join('\n');
}

/** Where the content-hashed assets sit, in any folder of the site (`assets/<12 hex>/`, as
 * scripts/site.mjs names them): the one path cached for a year. */
export const ASSETS_PATH = /\/assets\/[0-9a-f]{12}\//;

/** An nginx snippet (`options` as securityHeaders takes them) with the headers and the same
 * caching as `_headers`: `include` it in the `server` block, or in the `location` of the folder
 * that serves the pages, and in every `location` that has add_header lines of its own (nginx
 * does not inherit them into such a location). The hashed assets get a nested location, which
 * repeats the headers for that reason; it matches in any folder, so a subfolder deploy needs
 * no edit. */
export function nginxHeaders(origin, options) {
  const lines = (cache, indent) => [...securityHeaders(origin, options), ['Cache-Control', cache]]
    .map(([name, value]) => `${indent}add_header ${name} "${value}" always;`);
  return [
    '# Written by scripts/site.mjs from deploy/headers.mjs: edit that, not this.',
    '# Pages, config.json and catalogues: revalidated on every load.',
    ...lines(NO_CACHE, ''),
    '# The content-hashed assets: their names change with their content, so cached for a year.',
    `location ~ "${ASSETS_PATH.source.replaceAll('\\/', '/')}" {`,
    ...lines(IMMUTABLE, '  '),
    '}',
    '',
  ].join('\n');
}

/** connect-src of the pages as they sit in the repository, for their <meta> floor: any https
 * endpoint, or one on this machine. The site layout narrows it to the configured endpoint. */
export const ANY_COGNITO = 'https: http://127.0.0.1:* http://localhost:*';

/** The <meta> tag carrying the CSP floor for pages that call `origin`. */
export function metaCsp(origin) {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origin, { inMeta: true })}">`;
}
