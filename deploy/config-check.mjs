// What config.json may say before the release tooling writes it into a site: `npm run site`,
// `npm run publish-pages` and `npm run deploy` all ask this module, so the three refuse the
// same input with the same words. The values end up in places where a stray character does
// harm: the Cognito origin inside a CSP (a `;` or a quote adds a directive or ends the
// attribute), an nginx string (`$` expands a variable), a `_headers` line; the logo inside
// every email; config.json itself on a public site (a client secret would be anyone's).
// Addresses are judged by what the WHATWG URL parser makes of them, as a browser does, never
// by the text: `"\u0001//evil.example/x.png"` reads like a path and resolves to another site.

/** A stand-in for the site's own address: relative values are resolved against it. */
export const SITE_BASE = 'https://site.invalid/';

// A plain origin as written: scheme, host name (DNS labels or an IPv4 address), optional
// port, optional final slash. Nothing else, so nothing can break the text it is pasted into.
const PLAIN_ORIGIN = /^(https?):\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:\d{1,5})?\/?$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** Thrown when config.json must not go into a site; the message says what to change. */
export class ConfigRefused extends Error {}

/** The origin of `value` when it is a plain https origin (or, with `local`, http on 127.0.0.1
 * or localhost, for an emulator on this machine); null otherwise. */
export function plainOrigin(value, { local = false } = {}) {
  if (typeof value !== 'string') return null;
  const written = PLAIN_ORIGIN.exec(value);
  if (!written) return null;
  const url = new URL(value);
  // The parser rewrites some hosts (`0x7f.1` is 127.0.0.1, `:443` is dropped): only a value
  // that is already in its parsed form is plain.
  if (url.origin !== value.replace(/\/$/, '')) return null;
  if (url.protocol === 'https:') return url.origin;
  return local && LOOPBACK.has(url.hostname) ? url.origin : null;
}

/** What is wrong with `endpoint` (config.json's Cognito address), or null when it may be used. */
export function endpointProblem(endpoint, { local = false } = {}) {
  if (plainOrigin(endpoint, { local })) return null;
  const shown = JSON.stringify(endpoint);
  if (plainOrigin(endpoint, { local: true })) {
    return `"endpoint" is ${shown}, an emulator on this machine; a published site calls Cognito over https. `
      + 'Remove "endpoint" (the pool id names the region) or set an https one.';
  }
  // The same words whatever `local` is, so every tool refuses a value alike.
  return `"endpoint" is ${shown}; it must be a plain https origin such as https://cognito-idp.eu-west-1.amazonaws.com/ `
    + '(no path, query, user name, quotes, $, spaces or semicolons; http only for an emulator on 127.0.0.1 or localhost, '
    + 'in a site for this machine). Remove it to use the pool\'s region.';
}

// The keys core/src/config/file.rs reads (its KEYS, less clientSecret, refused on its own),
// and those of its `brand` and `passwordPolicy`. The pages ignore any other key, so a typo
// ("sesion") would silently give the default: named here instead.
const KNOWN = ['clientId', 'userPoolId', 'region', 'endpoint', 'signInUrl', 'afterSignInUrl', 'signInWith',
  'passwordPolicy', 'showDestination', 'signIn', 'session', 'redirectAllowList', 'defaultLanguage',
  'resendCooldownSeconds', 'requestTimeoutSeconds', 'invitationDays', 'signInSessionMinutes', 'brand', 'words'];
const KNOWN_BRAND = ['name', 'logo', 'logoAlt', 'accent', 'onAccent', 'support'];
const KNOWN_POLICY = ['minimumLength', 'requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols'];

/** The known key `key` was probably meant as (another casing, or one or two letters off), or null. */
function meant(key, known) {
  const same = known.find((k) => k.toLowerCase() === key.toLowerCase());
  if (same) return same;
  const distance = (a, b) => {
    let row = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i += 1) {
      const next = [i];
      for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  const [closest] = known.map((k) => [distance(k.toLowerCase(), key.toLowerCase()), k]).sort(([a], [b]) => a - b);
  return closest[0] <= 2 ? closest[1] : null;
}

/** One sentence per key of `object` (at `path`) that the pages would not read. */
function unknownKeys(object, known, path) {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return [];
  return Object.keys(object).filter((key) => !known.includes(key) && !secretKeys({ [key]: 1 }).length).map((key) => {
    const where = [...path, key].join('.');
    const guess = meant(key, known);
    // `aws cognito-idp describe-user-pool` prints the policy as MinimumLength, RequireUppercase...
    const copied = path.at(-1) === 'passwordPolicy' && /^[A-Z]/.test(key)
      ? ' (describe-user-pool prints the policy with capitals; config.json spells its keys in camelCase)' : '';
    return `"${where}" is not a key the pages read, so it would be ignored${copied}; `
      + `${guess ? `write "${[...path, guess].join('.')}"` : `use one of ${known.join(', ')}`}, or remove it.`;
  });
}

/** Every key of `value` (nested too) that names a client secret, in any casing or spelling. */
function secretKeys(value, path = []) {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = [...path, key];
    const named = key.toLowerCase().replace(/[^a-z]/g, '') === 'clientsecret' ? [here.join('.')] : [];
    return [...named, ...secretKeys(inner, here)];
  });
}

/** Whether `value` resolves, as a browser resolves it, to a path on the site itself. */
function isSitePath(value) {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return false; // parses on its own: an absolute address with a scheme (https:, javascript:, data:)
  } catch {
    // relative: judged by where it lands
  }
  try {
    return new URL(value, SITE_BASE).origin === new URL(SITE_BASE).origin;
  } catch {
    return false;
  }
}

/** A page to send people to: a path on the site, an https address, or (with `local`) http on this machine. */
function isPageAddress(value, local) {
  if (typeof value !== 'string' || value.trim() === '') return false;
  if (isSitePath(value)) return true;
  try {
    const url = new URL(value);
    if (url.username || url.password || !url.hostname) return false;
    return url.protocol === 'https:' || (local && url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/** Everything in `config` (a config.json object) that must not go into a site, one sentence
 * each; empty when it may. `local`: a layout for this machine, which may call an emulator. */
export function configProblems(config, { local = false } = {}) {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return ['config.json must hold a JSON object.'];
  const problems = secretKeys(config).map((key) => `it holds "${key}": a client secret on a public site is anyone's. `
    + 'Remove the key, and give the pages an app client without a secret (Cognito: "Public client").');
  problems.push(...unknownKeys(config, KNOWN, []), ...unknownKeys(config.brand, KNOWN_BRAND, ['brand']),
    ...unknownKeys(config.passwordPolicy, KNOWN_POLICY, ['passwordPolicy']));
  const poolRegion = typeof config.userPoolId === 'string' && config.userPoolId.includes('_') ? config.userPoolId.split('_')[0] : null;
  if (config.region !== undefined && poolRegion && config.region !== poolRegion) {
    problems.push(`"region" is ${JSON.stringify(config.region)} but the pool ${config.userPoolId} is in ${poolRegion}; `
      + 'remove "region" (the pool id names it).');
  }
  if (config.endpoint !== undefined) {
    const problem = endpointProblem(config.endpoint, { local });
    if (problem) problems.push(problem);
  }
  for (const key of ['signInUrl', 'afterSignInUrl']) {
    if (config[key] !== undefined && !isPageAddress(config[key], local)) {
      problems.push(`"${key}" is ${JSON.stringify(config[key])}; it must be a path on this site (such as /sign-in) `
        + 'or an https address. Control characters, backslashes and other schemes can take it elsewhere.');
    }
  }
  const logo = config.brand?.logo;
  if (logo !== undefined && logo !== '' && !isSitePath(logo)) {
    problems.push(`"brand.logo" is ${JSON.stringify(logo)}; it must be a path on this site (such as /brand/logo.png), `
      + 'as the pages load images from their own site only and the emails must not load one from elsewhere.');
  }
  const allowed = config.redirectAllowList;
  if (allowed !== undefined) {
    const bad = Array.isArray(allowed) ? allowed.filter((entry) => !plainOrigin(entry, { local })) : [allowed];
    if (bad.length > 0) {
      problems.push(`"redirectAllowList" must list https origins such as "https://app.example.com" (no path); `
        + `${bad.map((entry) => JSON.stringify(entry)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not.`);
    }
  }
  return problems;
}

/** Throws ConfigRefused, naming every problem, when `config` must not go into a site. */
export function checkConfig(config, options) {
  const problems = configProblems(config, options);
  if (problems.length > 0) {
    throw new ConfigRefused(`config.json is refused; nothing was written or uploaded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** For the command-line tools: prints the refusal and exits with status 2 when `config` must
 * not go into a site, or `check` (another test of the caller's) throws ConfigRefused. */
export function exitIfRefused(config, { check, ...options } = {}) {
  try {
    checkConfig(config, options);
    // A check of the caller's that also throws ConfigRefused (the logo's file, in site.mjs).
    check?.();
  } catch (error) {
    if (!(error instanceof ConfigRefused)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/** config.json as every release tool writes it: the team's `config` whole, with what the deploy
 * knows (`userPoolId`, `clientId`) over it; the deploy, publish-pages and site share it. */
export function siteConfig(config, { userPoolId, clientId } = {}) {
  return { ...config, ...(userPoolId && { userPoolId }), ...(clientId && { clientId }) };
}
