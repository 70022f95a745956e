// The release path leaks nothing: `npm run site`, `npm run publish-pages` and `npm run deploy`
// refuse a config.json that must not be served (a client secret, a Cognito origin that is not
// a plain https one, a logo or sign-in address that resolves to another site, a redirect allow
// list of non-origins), all three with the same words; publish-pages never overwrites what a
// bucket already holds unless told to, and names the bucket's owner on every S3 call. The real
// scripts run against a fake `aws` (tests/deploy/fake-aws.mjs) that records every call.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';

const DIR = join(ROOT, '.run', 'release');
const BIN = join(DIR, 'bin');
const SITE = join(ROOT, 'dist', 'site');
const GOOD = { userPoolId: 'eu-west-2_Acme1', clientId: 'acmeclient', signInUrl: '/', passwordPolicy: { minimumLength: 8 } };
const PUBLISH = ['--no-build', '--into', 's3://acme-www/account', '--site', 'https://www.acme.example/account',
  '--pool', 'eu-west-2_Acme1', '--client', 'acmeclient', '--region', 'eu-west-2'];
let runs = 0;

before(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(BIN, { recursive: true });
  writeFileSync(join(BIN, 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'tests', 'deploy', 'fake-aws.mjs')}" "$@"\n`);
  chmodSync(join(BIN, 'aws'), 0o755);
});

/** config.json with `extra` over a good one, written to a file of its own; returns its path. */
function configFile(extra) {
  const file = join(DIR, `config-${runs++}.json`);
  writeFileSync(file, JSON.stringify({ ...GOOD, ...extra }));
  return file;
}

/** Runs `script` with the fake aws first on PATH; `objects` are the keys S3 holds. Returns
 * the exit status, output and the AWS calls made (each an array of arguments). */
function run(script, args, { objects = [], account = '111122223333', owner = account } = {}) {
  const log = join(DIR, `calls-${runs++}.jsonl`);
  const result = spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', env: {
    ...process.env, PATH: `${BIN}:/usr/bin:/bin`, FAKE_AWS_LOG: log, FAKE_AWS_ACCOUNT: account, FAKE_AWS_OWNER: owner,
    FAKE_AWS_OBJECTS: JSON.stringify(objects) } });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

/** The value after `name` in one call's arguments. */
const option = (call, name) => call[call.indexOf(name) + 1];
const verbs = (calls) => calls.map((call) => call.slice(0, 2).join(' '));

/** Asserts `script` refuses `config` before any AWS call and before writing dist/site/; returns stderr. */
function assertRefused(script, config, extra = []) {
  mkdirSync(SITE, { recursive: true });
  writeFileSync(join(SITE, 'marker'), 'an earlier layout');
  const args = [...{ 'publish.mjs': PUBLISH, 'deploy.mjs': ['--no-build'] }[script] ?? [], '--config', configFile(config)];
  const result = run(script, [...args, ...extra]);
  assert.equal(result.status, 2, `${script} refuses ${JSON.stringify(config)}\n${result.stdout}${result.stderr}`);
  assert.deepEqual(result.calls, [], `${script} makes no AWS call`);
  assert.ok(existsSync(join(SITE, 'marker')), `${script} leaves dist/site/ as it was`);
  assert.match(result.stderr, /config\.json is refused; nothing was written or uploaded/);
  return result.stderr;
}

const REFUSED = [
  [{ clientSecret: 's3cr3t' }, /"clientSecret": a client secret on a public site is anyone's\. Remove the key/],
  [{ ClientSecret: 's3cr3t' }, /"ClientSecret"/],
  [{ brand: { client_secret: 's3cr3t' } }, /"brand\.client_secret"/],
  [{ endpoint: 'http://cognito.example/' }, /"endpoint" is "http:\/\/cognito\.example\/"; it must be a plain https origin/],
  [{ endpoint: "https://cognito.example/'; script-src *" }, /must be a plain https origin/],
  [{ endpoint: "https://x'.example/" }, /must be a plain https origin/],
  [{ endpoint: 'https://cognito.example$host/' }, /must be a plain https origin/],
  [{ endpoint: 'https://cognito.example/;img-src' }, /must be a plain https origin/],
  [{ endpoint: 'https://cognito.example/path' }, /must be a plain https origin/],
  [{ endpoint: 'https://cognito.example/?x=1' }, /must be a plain https origin/],
  [{ endpoint: 'https://user:pw@cognito.example/' }, /must be a plain https origin/],
  [{ endpoint: 'https://cognito example/' }, /must be a plain https origin/],
  [{ endpoint: 'https://0x7f.1/' }, /must be a plain https origin/],
  [{ endpoint: 'http://127.0.0.1.evil.example:9229/' }, /must be a plain https origin/],
  [{ brand: { logo: '\u0001//evil.example/x.png' } }, /"brand\.logo" is "\\u0001\/\/evil\.example\/x\.png"; it must be a path on this site/],
  [{ brand: { logo: '/\t/evil.example/x.png' } }, /"brand\.logo"/],
  [{ brand: { logo: '//evil.example/x.png' } }, /"brand\.logo"/],
  [{ brand: { logo: '/\\evil.example/x.png' } }, /"brand\.logo"/],
  [{ brand: { logo: 'https://cdn.example/x.png' } }, /"brand\.logo"/],
  [{ brand: { logo: 'https:cdn.example/x.png' } }, /"brand\.logo"/],
  [{ brand: { logo: 'data:image/png;base64,AA' } }, /"brand\.logo"/],
  [{ signInUrl: '\u0001//evil.example/' }, /"signInUrl" is "\\u0001\/\/evil\.example\/"; it must be a path on this site/],
  [{ signInUrl: '/\n/evil.example/' }, /"signInUrl"/],
  [{ signInUrl: 'javascript:alert(1)' }, /"signInUrl"/],
  [{ signInUrl: 'https://user@app.example/' }, /"signInUrl"/],
  [{ afterSignInUrl: '\\\\evil.example' }, /"afterSignInUrl"/],
  [{ redirectAllowList: ['https://app.example.com/welcome'] }, /"redirectAllowList" must list https origins .* "https:\/\/app\.example\.com\/welcome" is not/],
  [{ redirectAllowList: ['http://app.example.com'] }, /"redirectAllowList"/],
  [{ redirectAllowList: 'https://app.example.com' }, /"redirectAllowList"/],
];

test('npm run site refuses each unsafe config.json, says what to change, and writes nothing', () => {
  for (const [config, message] of REFUSED) assert.match(assertRefused('site.mjs', config), message, JSON.stringify(config));
});

test('site, publish-pages and deploy refuse the same config.json with the same words', () => {
  const config = { ClientSecret: 'x', endpoint: 'https://c.example/"', brand: { logo: '\u0001//evil.example/x.png' },
    signInUrl: '\u0001//evil.example/', redirectAllowList: ['https://app.example/x'] };
  const said = ['site.mjs', 'publish.mjs', 'deploy.mjs'].map((script) => assertRefused(script, config));
  assert.equal(said[0].split('\n').length, 7, `one line per problem: ${said[0]}`);
  assert.equal(said[1], said[0]);
  assert.equal(said[2], said[0]);
});

test('an emulator on this machine (http on 127.0.0.1 or localhost) is for local sites only', () => {
  for (const endpoint of ['http://127.0.0.1:9229/', 'http://localhost:9229']) {
    for (const script of ['publish.mjs', 'deploy.mjs']) {
      assert.match(assertRefused(script, { endpoint }), /an emulator on this machine; a published site calls Cognito over https/);
    }
  }
  assert.match(assertRefused('publish.mjs', { redirectAllowList: ['http://127.0.0.1:3000'] }), /"redirectAllowList"/);
});

test('publish-pages: a path that already holds objects is refused, and replaced only with --force', () => {
  const config = configFile({});
  const held = run('publish.mjs', [...PUBLISH, '--config', config], { objects: ['account/index.html', 'other/x'] });
  assert.equal(held.status, 2, held.stderr);
  assert.match(held.stderr, /s3:\/\/acme-www\/account\/ already holds objects \(such as account\/index\.html\); publishing would overwrite them\. Choose an empty path .* pass --force/);
  assert.deepEqual(verbs(held.calls), ['sts get-caller-identity', 's3api list-objects-v2']);
  assert.equal(option(held.calls[1], '--prefix'), 'account/');

  const root = run('publish.mjs', [...PUBLISH, '--config', config, '--into', 's3://acme-www/'], { objects: ['logo.png'] });
  assert.equal(root.status, 2, root.stderr);
  assert.match(root.stderr, /s3:\/\/acme-www\/ is the bucket's root and already holds objects \(such as logo\.png\).*--force/);
  assert.ok(!root.calls[1].includes('--prefix'), 'the whole bucket is listed');
  assert.deepEqual(verbs(root.calls), ['sts get-caller-identity', 's3api list-objects-v2']);

  const forced = run('publish.mjs', [...PUBLISH, '--config', config, '--force'], { objects: ['account/index.html'] });
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(forced.calls.some((call) => option(call, '--key') === 'account/index.html'), 'the page is replaced');
});

test("publish-pages: every S3 call names the bucket's owner, and another account's bucket gets nothing", () => {
  const config = configFile({});
  const theirs = run('publish.mjs', [...PUBLISH, '--config', config], { account: '111122223333', owner: '999988887777' });
  assert.equal(theirs.status, 2);
  assert.match(theirs.stderr, /AccessDenied.*\n.*could not list s3:\/\/acme-www\/account\/ .*not owned by account 111122223333/);
  assert.deepEqual(verbs(theirs.calls), ['sts get-caller-identity', 's3api list-objects-v2']);

  // --account is used as given: no question to STS, and a bucket owned by it is written to.
  const given = run('publish.mjs', [...PUBLISH, '--config', config, '--account', '999988887777'], { owner: '999988887777' });
  assert.equal(given.status, 0, given.stderr);
  assert.ok(given.calls.length > 10 && given.calls.every((call) => call[0] === 's3api' && option(call, '--expected-bucket-owner') === '999988887777'),
    given.calls.map((c) => c.join(' ')).join('\n'));
  assert.match(given.stdout, /Every S3 call names the bucket's owner: account 999988887777\./);

  const badAccount = run('publish.mjs', [...PUBLISH, '--config', config, '--account', '12345']);
  assert.equal(badAccount.status, 2);
  assert.match(badAccount.stderr, /--account must be the 12-digit id/);
  assert.deepEqual(badAccount.calls, []);
});

test('publish-pages: into an empty path or bucket, every file goes up once with its type, caching and owner', () => {
  const config = configFile({ brand: { name: 'Acme', logo: '/local/logo.svg' }, signInUrl: 'https://app.acme.example/sign-in',
    redirectAllowList: ['https://app.acme.example'], endpoint: 'https://cognito-idp.eu-west-2.amazonaws.com/' });
  // Keys beside the path (even one whose name starts the same) are not in the way.
  for (const [into, keyPrefix, objects] of [['s3://acme-www/account', 'account/', ['accounts/x', 'elsewhere/x']], ['s3://acme-www/', '', []]]) {
    const result = run('publish.mjs', [...PUBLISH, '--config', config, '--into', into], { objects });
    assert.equal(result.status, 0, result.stderr);
    const [sts, list, ...uploads] = result.calls;
    assert.deepEqual(sts.slice(0, 2), ['sts', 'get-caller-identity']);
    assert.equal(option(list, '--expected-bucket-owner'), '111122223333');
    assert.ok(uploads.length > 10 && uploads.every((call) => verbs([call])[0] === 's3api put-object'
      && option(call, '--bucket') === 'acme-www' && option(call, '--key').startsWith(keyPrefix)
      && option(call, '--expected-bucket-owner') === '111122223333' && option(call, '--region') === 'eu-west-2'));
    const keys = uploads.map((call) => option(call, '--key'));
    assert.equal(new Set(keys).size, keys.length, 'each file once');
    assert.ok(!keys.some((key) => /_headers|nginx/.test(key)), 'no files for other hosts');
    const page = uploads.find((call) => option(call, '--key') === `${keyPrefix}reset-password.html`);
    assert.deepEqual([option(page, '--content-type'), option(page, '--cache-control')], ['text/html; charset=utf-8', 'no-cache']);
    const wasm = uploads.find((call) => option(call, '--key').endsWith('reset_bg.wasm'));
    assert.equal(option(wasm, '--content-encoding'), 'br');
    const uploaded = JSON.parse(readFileSync(join(ROOT, option(uploads.find((call) => option(call, '--key').endsWith('www/config.json')), '--body')), 'utf8'));
    assert.deepEqual([uploaded.userPoolId, uploaded.clientId, uploaded.brand.logo], ['eu-west-2_Acme1', 'acmeclient', '/local/logo.svg']);
  }
});

test('the dry runs show the bucket owner on every S3 call and make no call', () => {
  const dry = run('publish.mjs', [...PUBLISH, '--config', configFile({}), '--dry-run', '--account', '444455556666']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.deepEqual(dry.calls, []);
  const shown = dry.stdout.split('\n').filter((line) => line.startsWith('would run: aws s3api '));
  assert.ok(shown.length > 10 && shown.every((line) => line.includes('--expected-bucket-owner 444455556666')), shown.join('\n'));
  assert.match(shown[0], /list-objects-v2 --bucket acme-www --prefix account\//);
  assert.match(dry.stdout, /nothing was changed\. A real run first checks that s3:\/\/acme-www\/account\/ holds nothing/);
  const deploy = run('deploy.mjs', ['--dry-run', '--no-build', '--config', configFile({})]);
  assert.equal(deploy.status, 0, deploy.stderr);
  assert.deepEqual(deploy.calls, []);
  const pages = deploy.stdout.split('\n').filter((line) => /^would run: aws s3api put-object .*--key (index\.html|www\/)/.test(line));
  assert.ok(pages.length > 3 && pages.every((line) => line.endsWith('--expected-bucket-owner 123456789012 --region eu-west-1')), pages.join('\n'));
});

test('HSTS covers subdomains only when the deployer asks for it', () => {
  const config = configFile({ endpoint: 'http://localhost:9229/' });
  const hsts = () => [readFileSync(join(SITE, '_headers'), 'utf8').match(/Strict-Transport-Security: (.*)/)[1],
    readFileSync(join(SITE, 'nginx-headers.conf'), 'utf8').match(/add_header Strict-Transport-Security "(.*)"/)[1]];
  assert.equal(run('site.mjs', ['--config', config]).status, 0);
  assert.deepEqual(hsts(), ['max-age=63072000', 'max-age=63072000']);
  assert.equal(run('site.mjs', ['--config', config, '--hsts-include-subdomains']).status, 0);
  assert.deepEqual(hsts(), ['max-age=63072000; includeSubDomains', 'max-age=63072000; includeSubDomains']);
  const deploy = (extra) => run('deploy.mjs', ['--dry-run', '--no-build', '--config', configFile({}), ...extra]).stdout;
  assert.match(deploy([]), /cloudformation deploy .* HstsIncludeSubdomains=false/);
  assert.match(deploy(['--hsts-include-subdomains']), /cloudformation deploy .* HstsIncludeSubdomains=true/);
});
