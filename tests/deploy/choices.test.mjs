// The deploy keeps what the team chose, or refuses and says why: config.json survives deploy,
// site and publish-pages whole and identical; a key the pages would not read is named. The
// real scripts run against the fake `aws` (tests/deploy/fake-aws.mjs), never a real endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';
import { fakeAws } from './fake-aws-run.mjs';

const SITE = join(ROOT, 'dist', 'site');
const { run, configFile } = fakeAws('choices');

/** A config.json holding every key the pages read (core/src/config/file.rs). */
const EVERY_KEY = {
  userPoolId: 'eu-west-2_Example', clientId: 'exampleclientid', region: 'eu-west-2',
  endpoint: 'https://cognito-idp.eu-west-2.amazonaws.com/', signInUrl: 'https://app.acme.example/sign-in',
  afterSignInUrl: '/app', signInWith: 'either', showDestination: true, signIn: 'password', session: 'none',
  passwordPolicy: { minimumLength: 12, requireUppercase: false, requireLowercase: true, requireNumbers: true, requireSymbols: false },
  redirectAllowList: ['https://app.acme.example'], defaultLanguage: 'de', resendCooldownSeconds: 30,
  requestTimeoutSeconds: 10, invitationDays: 3,
  brand: { name: 'Acme', logo: '/local/logo.svg', logoAlt: 'Acme logo', accent: '#7a1fa2', onAccent: '#ffffff', support: 'help@acme.example' },
  words: { en: { 'forgot.intro': 'Enter the address of your Acme account.' } },
};

const written = () => readFileSync(join(SITE, 'www', 'config.json'), 'utf8');

test('a config.json with every key comes out of deploy, site and publish-pages whole and identical', () => {
  const file = configFile(EVERY_KEY);
  const deploy = run('deploy.mjs', ['--dry-run', '--no-build', '--region', 'eu-west-2', '--config', file]);
  assert.equal(deploy.status, 0, deploy.stderr);
  const deployed = written();
  assert.deepEqual(JSON.parse(deployed), EVERY_KEY, 'nothing dropped, nothing forced');
  const site = run('site.mjs', ['--config', file]);
  assert.equal(site.status, 0, site.stderr);
  assert.equal(written(), deployed);
  const publish = run('publish.mjs', ['--dry-run', '--no-build', '--into', 's3://acme-www/account', '--site', 'https://www.acme.example/account',
    '--pool', 'eu-west-2_Example', '--client', 'exampleclientid', '--region', 'eu-west-2', '--config', file]);
  assert.equal(publish.status, 0, publish.stderr);
  assert.equal(written(), deployed);
});

test('a key the pages would not read is named by all three, with the key meant', () => {
  const typo = { ...EVERY_KEY, sesion: 'none', brand: { ...EVERY_KEY.brand, colour: '#000000' },
    passwordPolicy: { MinimumLength: 12, RequireUppercase: true, TemporaryPasswordValidityDays: 7 } };
  const said = ['site.mjs', 'publish.mjs', 'deploy.mjs'].map((script) => {
    const args = { 'site.mjs': [], 'deploy.mjs': ['--no-build'], 'publish.mjs': ['--no-build', '--into', 's3://acme-www/a/', '--site', 'https://acme.example/a/',
      '--pool', 'eu-west-2_Example', '--client', 'exampleclientid', '--region', 'eu-west-2'] }[script];
    const result = run(script, [...args, '--config', configFile(typo)]);
    assert.equal(result.status, 2, `${script}: ${result.stdout}${result.stderr}`);
    assert.deepEqual(result.calls, [], `${script} makes no AWS call`);
    return result.stderr;
  });
  assert.equal(said[1], said[0]);
  assert.equal(said[2], said[0]);
  assert.match(said[0], /"sesion" is not a key the pages read, so it would be ignored; write "session", or remove it\./);
  assert.match(said[0], /"brand\.colour" is not a key .*; use one of name, logo, logoAlt, accent, onAccent, support/);
  assert.match(said[0], /"passwordPolicy\.MinimumLength" .*describe-user-pool prints the policy with capitals.*write "passwordPolicy\.minimumLength"/);
  assert.match(said[0], /"passwordPolicy\.RequireUppercase" .*write "passwordPolicy\.requireUppercase"/);
  assert.match(said[0], /"passwordPolicy\.TemporaryPasswordValidityDays" .*use one of minimumLength/);
  assert.equal(said[0].trim().split('\n').length, 6, said[0]);
});

test("the brand's logo goes out with the pages, at the path the emails and pages load it from; a missing one is refused", () => {
  const logo = { ...EVERY_KEY, brand: { ...EVERY_KEY.brand, logo: '/local/logo.svg' } };
  const deploy = run('deploy.mjs', ['--dry-run', '--no-build', '--region', 'eu-west-2', '--config', configFile(logo)]);
  assert.equal(deploy.status, 0, deploy.stderr);
  assert.match(deploy.stdout, /would run: aws s3api put-object --bucket cognito-reset-link-pagesbucket-example --key local\/logo\.svg --body dist\/site\/local\/logo\.svg --content-type image\/svg\+xml --cache-control no-cache/);
  assert.deepEqual(readFileSync(join(SITE, 'local', 'logo.svg')), readFileSync(join(ROOT, 'local', 'logo.svg')));
  assert.equal(run('site.mjs', ['--config', configFile(logo)]).status, 0);
  assert.ok(readFileSync(join(SITE, 'local', 'logo.svg')).length > 0, 'npm run site copies it too');
  const missing = { ...EVERY_KEY, brand: { ...EVERY_KEY.brand, logo: '/brand/logo.png' } };
  for (const [script, args] of [['site.mjs', []], ['deploy.mjs', ['--dry-run', '--no-build']]]) {
    const result = run(script, [...args, '--config', configFile(missing)]);
    assert.equal(result.status, 2, `${script}: ${result.stdout}`);
    assert.match(result.stderr, /"brand\.logo" is "\/brand\/logo\.png", but there is no image file brand\/logo\.png in the project/);
    assert.deepEqual(result.calls, []);
  }
});

test("the team's email template and the emails' reworded sentences go into the trigger's zip, named to the function", () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const template = join(dir, 'mine.html');
  writeFileSync(template, '<p>Hello</p><a href="{link}">Choose a password</a>');
  const config = join(dir, 'config.json');
  const words = { de: { 'email.intro_plain': 'Für {name} wurde ein neues Passwort angefordert. Klicken Sie auf die Schaltfläche:' } };
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8')), words }));
  const run = spawnSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2',
    '--config', config, '--email-template', template], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  assert.equal(run.status, 0, run.stderr);
  const deployCall = run.stdout.split('\n').find((line) => line.includes('cloudformation deploy'));
  assert.match(deployCall, /EmailTemplateFile=email-template\.html/);
  assert.match(deployCall, /EmailWordsFile=email-words\.json/);
  const bundle = join(ROOT, 'dist', 'trigger-bundle');
  assert.equal(readFileSync(join(bundle, 'email-template.html'), 'utf8'), readFileSync(template, 'utf8'));
  assert.deepEqual(JSON.parse(readFileSync(join(bundle, 'email-words.json'), 'utf8')), words);
  const plain = spawnSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
  assert.match(plain.stdout, /EmailTemplateFile= .*EmailWordsFile=( |$)/m, 'a deploy without them names no file');
});

test('a brand part the trigger would leave out of the emails is refused before anything is built or created', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brand-'));
  const base = JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8'));
  const cases = [
    [{ accent: '#ffeb3b', onAccent: '#ffffff' }, /BRAND_ACCENT and BRAND_ON_ACCENT left out[^\n]*4\.5:1/],
    [{ accent: '#0b57d0' }, /BRAND_ACCENT and BRAND_ON_ACCENT left out/],
  ];
  for (const [brand, named] of cases) {
    const config = join(dir, `config-${brand.accent}-${brand.onAccent}.json`);
    writeFileSync(config, JSON.stringify({ ...base, brand: { ...base.brand, ...brand } }));
    const run = spawnSync('node', ['scripts/deploy.mjs', '--dry-run', '--no-build', '--stack', 'kit', '--region', 'eu-west-2', '--config', config],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stderr, /the trigger would not use the emails' settings as given:/);
    assert.match(run.stderr, named);
    assert.doesNotMatch(run.stdout, /would run: aws/, 'refused before any AWS call');
  }
});

test('--sign-in-links on a new pool needs SES, and is refused without it before any AWS call; with it, the stack is told', () => {
  const file = configFile(EVERY_KEY);
  const bare = run('deploy.mjs', ['--dry-run', '--no-build', '--region', 'eu-west-2', '--config', file, '--sign-in-links']);
  assert.equal(bare.status, 2, bare.stdout);
  assert.match(bare.stderr, /--sign-in-links on a new pool needs --ses-source-arn: Cognito emails sign-in codes \(EMAIL_OTP\) only through SES/);
  assert.doesNotMatch(bare.stdout, /would run: aws/);
  assert.deepEqual(bare.calls, []);

  const ses = 'arn:aws:ses:eu-west-2:123456789012:identity/acme.example';
  const withSes = run('deploy.mjs', ['--dry-run', '--no-build', '--region', 'eu-west-2', '--config', file, '--sign-in-links', '--ses-source-arn', ses]);
  assert.equal(withSes.status, 0, withSes.stderr);
  const deploy = withSes.stdout.split('\n').find((l) => l.startsWith('would run: aws cloudformation deploy'));
  assert.match(deploy, / SignInLinks=true /);
  assert.match(deploy, / SesSourceArn=arn:aws:ses:eu-west-2:123456789012:identity\/acme\.example /);

  const off = run('deploy.mjs', ['--dry-run', '--no-build', '--region', 'eu-west-2', '--config', file]);
  assert.match(off.stdout.split('\n').find((l) => l.startsWith('would run: aws cloudformation deploy')), / SignInLinks=false /);
});
