// The deployment: the template lints clean, every accepted security finding says why, the
// dry run makes exactly the AWS calls a deploy needs, the uploaded layout works in a browser,
// and attach_trigger.py and fix_client.py keep an existing pool's and client's settings (against moto's server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from '../../scripts/paths.mjs';
import { serve } from '../../scripts/serve.mjs';
import { browserPath } from '../../scripts/browsers.mjs';

const VENV = join(ROOT, '.venv', 'bin');
const TEMPLATE = join(ROOT, 'deploy', 'template.yaml');

test('cfn-lint finds nothing in the template', () => {
  const lint = spawnSync(join(VENV, 'cfn-lint'), [TEMPLATE], { encoding: 'utf8' });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
});

test('checkov passes, and every skipped finding is justified in the template', () => {
  const scan = spawnSync(join(VENV, 'checkov'), ['-f', TEMPLATE, '--skip-download', '--compact', '-o', 'json'], { encoding: 'utf8' });
  assert.equal(scan.status, 0, scan.stdout.slice(0, 4000));
  const report = JSON.parse(scan.stdout);
  const skipped = report.results.skipped_checks.map((c) => c.check_id);
  const justified = [...readFileSync(TEMPLATE, 'utf8').matchAll(/checkov:skip=(CKV_\w+):(.{20,})/g)].map((m) => m[1]);
  assert.deepEqual([...skipped].sort(), [...justified].sort(), 'each skip in the template is used, and has a reason');
});

test('the dry run prints every AWS call a deploy makes, and makes none', () => {
  const out = execFileSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  const calls = out.split('\n').filter((l) => l.startsWith('would run: ')).map((l) => l.slice('would run: '.length));
  assert.ok(calls.every((c) => c.endsWith('--region eu-west-2')));
  const verbs = calls.map((c) => c.split(' ').slice(1, 3).join(' '));
  assert.deepEqual(verbs.slice(0, 9), ['sts get-caller-identity', 's3api head-bucket', 's3api create-bucket',
    's3api put-public-access-block', 's3api put-bucket-encryption', 's3api put-bucket-policy', 's3api put-object',
    'cloudformation deploy', 'cloudformation describe-stacks']);
  assert.equal(verbs.at(-1), 'cloudfront create-invalidation');
  assert.match(calls[7], /--capabilities CAPABILITY_IAM .*TriggerCodeKey=trigger\/\w+\.zip/);

  // The artifacts bucket: every call but its creation names the owner it must have, and a new
  // one is closed to the public, encrypted and TLS-only before the trigger's code goes in.
  const artifacts = 'kit-artifacts-123456789012-eu-west-2';
  const onArtifacts = calls.filter((c) => c.includes(artifacts) && !c.includes('cloudformation deploy'));
  assert.equal(onArtifacts.length, 6);
  for (const call of onArtifacts.filter((c) => !c.includes('create-bucket'))) {
    assert.match(call, /--expected-bucket-owner 123456789012/, call);
  }
  assert.match(calls[2], /--create-bucket-configuration LocationConstraint=eu-west-2/);
  assert.match(calls[3], /BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true/);
  assert.match(calls[4], /SSEAlgorithm/);
  assert.match(calls[5], /aws:SecureTransport/);
  assert.match(calls[6], /--key trigger\/\w+\.zip --body target\/lambda\/reset-link-trigger\/bootstrap\.zip/);

  // The pages bucket: each file once, put with the same owner check as the artifacts.
  const bodyOf = (c) => c.match(/ --body (\S+)/)[1];
  const uploads = calls.filter((c) => /^aws s3api put-object --bucket kit-pagesbucket-example /.test(c));
  assert.ok(uploads.every((c) => c.includes(' --expected-bucket-owner 123456789012')), 'every page upload names the owner');
  assert.deepEqual(uploads.filter((c) => /_headers|nginx/.test(c)), [], 'the files for other hosts stay out of the bucket');
  const byFile = Object.fromEntries(uploads.map((c) => [bodyOf(c), c]));
  const expect = (pattern, type, cache) => {
    const file = Object.keys(byFile).find((f) => pattern.test(f));
    assert.ok(file, `${pattern} is uploaded`);
    assert.ok(byFile[file].includes(`--content-type ${type}`), `${file} is ${type}`);
    assert.ok(byFile[file].includes(`--cache-control ${cache}`), `${file} is cached as ${cache}`);
  };
  expect(/^dist\/site\/index\.html$/, '"text/html; charset=utf-8"', 'no-cache');
  expect(/^dist\/site\/reset-password\.html$/, '"text/html; charset=utf-8"', 'no-cache');
  expect(/^dist\/site\/www\/config\.json$/, '"application/json; charset=utf-8"', 'no-cache');
  const wasm = uploads.filter((c) => c.includes('.wasm'));
  assert.ok(wasm.length >= 5 && wasm.every((c) => /--body dist\/packed\/assets\/\w+\/www\/pkg\/\w+_bg\.wasm --content-type application\/wasm .*immutable.* --content-encoding br/.test(c)),
    `the wasm goes up brotli-compressed: ${wasm.join('\n')}`);
  const original = readFileSync(join(ROOT, 'www', 'pkg', 'reset_bg.wasm'));
  const packedFile = bodyOf(wasm.find((c) => c.includes('/reset_bg.wasm')));
  assert.deepEqual(brotliDecompressSync(readFileSync(join(ROOT, packedFile))), original, 'and decodes to the module itself');
  expect(/^dist\/site\/assets\/\w+\/www\/pkg\/reset\.js$/, '"text/javascript; charset=utf-8"', '"public, max-age=31536000, immutable"');
  const config = JSON.parse(readFileSync(join(ROOT, 'dist', 'site', 'www', 'config.json'), 'utf8'));
  assert.equal(config.userPoolId, 'eu-west-2_Example', 'config.json comes from the stack outputs');
  assert.equal(config.clientSecret, undefined);
});

test('the uploaded layout (hashed assets) works in a browser', async () => {
  execFileSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  mkdirSync(join(ROOT, '.run'), { recursive: true });
  const configFile = join(ROOT, '.run', 'deploy-layout-config.json');
  writeFileSync(configFile, JSON.stringify({ region: 'local', clientId: 'c1', endpoint: 'http://127.0.0.1:19471/' }));
  const server = await serve({ root: join(ROOT, 'dist', 'site'), port: 19470, configFile, cognitoEndpoint: 'http://127.0.0.1:19471/' });
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto('http://127.0.0.1:19470/reset-password.html');
    await page.waitForSelector('body[data-ready]');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('attach_trigger.py changes only the CustomMessage trigger (moto server)', () => {
  const run = spawnSync(join(VENV, 'python'), ['-m', 'unittest', 'discover', '-s', join(ROOT, 'tests', 'deploy'), '-p', 'test_*.py'],
    { encoding: 'utf8', cwd: ROOT });
  assert.equal(run.status, 0, run.stderr.slice(-4000));
  assert.match(run.stderr, /Ran 9 tests/);
});

test("the trigger may write only to its own log group", () => {
  const template = readFileSync(TEMPLATE, 'utf8');
  assert.doesNotMatch(template, /policy\/service-role\/AWSLambdaBasicExecutionRole/, 'that managed policy writes to every log group');
  const logResources = [...template.matchAll(/Action: \[logs:[^\]]*\]\s*\n\s*Resource: (.*)/g)].map((m) => m[1].trim());
  assert.deepEqual(logResources, ['!Sub "${TriggerLogs.Arn}:*"']);
  assert.match(template, /LoggingConfig:\s*\n\s*LogGroup: !Ref TriggerLogs/);
});

test('a custom domain: the dry run passes it with its certificate, and the template serves it over TLS 1.2', () => {
  const run = (extra) => spawnSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2', ...extra],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
  const out = run(['--domain', 'reset.example.com', '--certificate-arn', arn]);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, new RegExp(`DomainName=reset\\.example\\.com CertificateArn=${arn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  assert.match(out.stdout, /Forgot-password page: https:\/\/reset\.example\.com\/index\.html/);
  const alone = run(['--domain', 'reset.example.com']);
  assert.notEqual(alone.status, 0);
  assert.match(alone.stderr, /--domain and --certificate-arn go together/);
  const template = readFileSync(TEMPLATE, 'utf8');
  assert.match(template, /AcmCertificateArn: !Ref CertificateArn\s+SslSupportMethod: sni-only\s+MinimumProtocolVersion: TLSv1\.2_2021/);
  assert.match(template, /- !Sub "https:\/\/\$\{DomainName\}\/reset-password\.html"/, 'the trigger links to the domain');
});

test("into an existing site: the dry run uploads only the pages, under the site's path, as the deploy does", () => {
  const run = spawnSync('node', ['scripts/publish.mjs', '--dry-run', '--no-build', '--into', 's3://acme-www/account', '--site', 'https://www.acme.example/account',
    '--pool', 'eu-west-2_Acme1', '--client', 'acmeclient', '--region', 'eu-west-2'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  assert.equal(run.status, 0, run.stderr);
  const calls = run.stdout.split('\n').filter((l) => l.startsWith('would run: ')).map((l) => l.slice('would run: '.length));
  const [sts, list, ...uploads] = calls;
  assert.match(sts, /^aws sts get-caller-identity /, 'the account that must own the bucket');
  assert.match(list, /^aws s3api list-objects-v2 --bucket acme-www --prefix account\/ /, 'first, whether the path already holds objects');
  assert.ok(uploads.length > 10 && uploads.every((c) => c.startsWith('aws s3api put-object --bucket acme-www --key account/')
    && c.includes(' --expected-bucket-owner 123456789012')), uploads.join('\n'));
  assert.ok(!calls.some((c) => /cloudformation|create-bucket|_headers/.test(c)), 'no stack, no bucket, no files for other hosts');
  assert.ok(calls.some((c) => / --key account\/reset-password\.html .*no-cache/.test(c)));
  assert.ok(calls.some((c) => /\.wasm .*--content-encoding br/.test(c)));
  assert.match(run.stdout, /RESET_PAGE_URL to:\n {2}https:\/\/www\.acme\.example\/account\/reset-password\.html/);
  const config = JSON.parse(readFileSync(join(ROOT, 'dist', 'site', 'www', 'config.json'), 'utf8'));
  assert.deepEqual([config.userPoolId, config.clientId], ['eu-west-2_Acme1', 'acmeclient']);
  const refused = spawnSync('node', ['scripts/publish.mjs', '--dry-run', '--no-build', '--into', 'acme-www'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /needs --into s3:\/\/bucket\/path\//);
});
