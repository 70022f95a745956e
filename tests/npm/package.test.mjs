// The npm package as a team would use it: packed, installed from the tarball into an app,
// type-checked with tsc, bundled with esbuild, and run in the browser against cognito-local
// (the sign-in stand-in in front) and the real trigger: the package's rules through main.ts,
// and each flow through the example app's own page for it (tests/npm/flows.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import zlib, { brotliCompressSync } from 'node:zlib';
import { ROOT } from '../../scripts/paths.mjs';
import { packed } from '../packed.mjs';
import { setUp, openPage, canSignIn, cognito } from '../e2e/harness.mjs';
import { APP as EXAMPLES, addressChangeFlow, invitationFlow, resetFlow, signInLinkFlow, signUpFlow } from './flows.mjs';

const APP = join(ROOT, 'tests', 'npm', 'app');
const PACKAGE = join(ROOT, 'dist', 'npm');
/** The example app's page for each flow (tests/npm/app/<flow>.ts and .html). */
const FLOWS = ['reset', 'sign-up', 'invitation', 'address-change', 'sign-in-link'];
let env;
let appServer;

before(async () => {
  const tarball = packed();
  rmSync(join(APP, 'node_modules', 'cognito-reset-link'), { recursive: true, force: true });
  // The tarball just packed, named explicitly: the app's lock file pins only its tools.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: APP, stdio: 'inherit' });
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--silent', tarball], { cwd: APP, stdio: 'inherit' });
  env = await setUp('npm-app', 19540, { signInByLink: true });
  appServer = await serveApp();
});

/** The app's main.ts page (the package's rules, driven through window), ready, with
 * `window.resetConfig` the local stack's configuration and `extra` over it. */
async function rulesPage({ browser, stack }, extra) {
  const opened = await openPage(browser, `${EXAMPLES}/index.html`);
  await opened.page.waitForSelector('body[data-ready]', { state: 'attached' });
  await opened.page.evaluate((config) => { window.resetConfig = config; }, { ...stack.config, ...extra });
  return opened;
}

/** The example app's pages and main.ts, bundled with esbuild beside both wasm files and a
 * config.json for the local stack, served on APP's port. */
async function serveApp() {
  const out = join(APP, 'dist');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pages = ['index', ...FLOWS];
  execFileSync(join(APP, 'node_modules', '.bin', 'esbuild'), [...pages.map((name) => `${name === 'index' ? 'main' : name}.ts`),
    '--bundle', '--format=esm', '--target=es2022', `--outdir=${out}`, '--log-level=error'], { cwd: APP });
  for (const name of pages) copyFileSync(join(APP, `${name}.html`), join(out, `${name}.html`));
  for (const wasm of ['cognito_reset_link_bg.wasm', 'cognito_reset_link_password_bg.wasm']) {
    copyFileSync(join(APP, 'node_modules', 'cognito-reset-link', wasm), join(out, wasm));
  }
  writeFileSync(join(out, 'config.json'), JSON.stringify({ ...env.stack.config, signIn: 'password', language: 'en' }));
  const server = createServer((req, res) => {
    const file = join(out, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript'
      : file.endsWith('.json') ? 'application/json' : 'text/html';
    return res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(Number(new URL(EXAMPLES).port), '127.0.0.1', resolve));
  return server;
}
after(async () => {
  // The browser first: a connection it holds open to the app's server would keep that
  // server from closing.
  await env?.close();
  await new Promise((resolve) => (appServer ? appServer.close(resolve) : resolve()));
});

test('npm pack ships the module, its types, the wasm, README, LICENSE, package.json and the CDK construct with its pages and trigger', () => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: PACKAGE, encoding: 'utf8' }));
  const paths = report.files.map((f) => f.path).sort();
  assert.deepEqual(paths.filter((p) => !p.startsWith('cdk/')), [
    'LICENSE', 'README.md', 'cognito_reset_link.d.ts', 'cognito_reset_link.js', 'cognito_reset_link_bg.wasm',
    'cognito_reset_link_bg.wasm.d.ts', 'cognito_reset_link_password.d.ts', 'cognito_reset_link_password.js',
    'cognito_reset_link_password_bg.wasm', 'cognito_reset_link_password_bg.wasm.d.ts', 'package.json',
  ]);
  // The construct (scripts/pack-cdk.mjs): compiled, shared.json, the arm64 trigger, and the
  // site: pages, catalogues, content-hashed assets, the modules brotli-compressed apart.
  const pages = ['confirm', 'index', 'reset-password', 'sign-in', 'verify', 'welcome'].map((p) => `cdk/site/${p}.html`);
  const modules = ['account', 'confirm', 'forgot', 'reset', 'signin', 'verify', 'welcome'];
  assert.deepEqual(paths.filter((p) => p.startsWith('cdk/')).map((p) => p.replace(/\/[0-9a-f]{12}\//, '/<hash>/')), [
    'cdk/index.cjs', 'cdk/index.d.cts', 'cdk/shared.json', 'cdk/site/assets/<hash>/www/brand.css',
    ...modules.map((m) => `cdk/site/assets/<hash>/www/pkg/${m}.js`), 'cdk/site/assets/<hash>/www/style.css', ...pages,
    ...['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt'].map((l) => `cdk/site/www/i18n/${l}.json`), 'cdk/trigger/bootstrap.zip',
    ...modules.map((m) => `cdk/wasm/<hash>/www/pkg/${m}_bg.wasm`),
  ]);
  const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
  for (const key of ['name', 'version', 'license', 'repository', 'files', 'exports', 'types', 'sideEffects']) {
    assert.ok(key in manifest, `package.json has ${key}`);
  }
  // An app using the browser module installs neither of the construct's peers.
  assert.deepEqual(manifest.peerDependenciesMeta, { 'aws-cdk-lib': { optional: true }, constructs: { optional: true } });
  assert.equal(existsSync(join(APP, 'node_modules', 'aws-cdk-lib')), false);
});

test('the definitions describe the API precisely (no any), and a typed app passes tsc', () => {
  const types = readFileSync(join(PACKAGE, 'cognito_reset_link.d.ts'), 'utf8');
  const api = types.slice(0, types.indexOf('export type InitInput'));
  assert.doesNotMatch(api, /\bany\b/);
  for (const line of ['export function forgotPassword(config: ResetConfig, username: string): Promise<CodeDelivery>;',
    'export function readLink(config: ResetConfig, url: string, kind: LinkKind, clocks?: Clocks): Link;', 'export interface ResetError {',
    'export function confirmSignUp(config: ResetConfig, username: string, code: string): Promise<SignUpConfirmed>;',
    'export function confirmAddressChange(config: ResetConfig, username: string, attribute: string, code: string, session?: SignedIn | null): Promise<AddressCallDone>;',
    'export function askSignInLink(config: ResetConfig, account: string): Promise<SignInLinkSent>;',
    'export function finishSignInFromLink(config: ResetConfig, url: string, pending?: PendingSignIn | null): Promise<Session>;',
    'export function finishSignInWithCode(config: ResetConfig, code: string, pending?: PendingSignIn | null): Promise<Session>;']) {
    assert.ok(types.includes(line), line);
  }
  const password = readFileSync(join(PACKAGE, 'cognito_reset_link_password.d.ts'), 'utf8');
  assert.doesNotMatch(password.slice(0, password.indexOf('export type InitInput')), /\bany\b/);
  assert.ok(password.includes('export function prepareSignIn(config: ResetConfig): undefined;'));
  assert.ok(password.includes('export function acceptInvitation(config: ResetConfig, username: string, temporaryPassword: string, password: string, account: string, details?: Record<string, string> | null): Promise<InvitationResult>;'));
  // Neither module has anything of the pages': no start, no page entry.
  for (const text of [types, password]) assert.doesNotMatch(text, /on_load|export function start/);
  execFileSync(join(APP, 'node_modules', '.bin', 'tsc'), ['-p', APP], { stdio: 'inherit' });
});

test('the package\'s rules, through an app bundled with esbuild from the tarball: the reset with words in German, and whose account', async () => {
  const { stack } = env;
  const user = stack.users[1];
  const { page, problems } = await rulesPage(env, { signIn: 'srp' });

  const mark = stack.output().length;
  const delivery = await page.evaluate((email) => window.askForLink(email), user.email);
  assert.deepEqual(delivery, { destination: null, medium: null }, 'nothing that tells an account exists');
  const link = await stack.nextLink(mark);

  const failure = await page.evaluate((address) => window.failWith(address), link);
  assert.deepEqual(failure, { code: 'CodeMismatchException', userMessage: 'Dieser Link funktioniert nicht. Vielleicht wurde er durch einen neueren ersetzt oder unvollständig kopiert. Wir können dir einen neuen Link schicken.', retryable: false });

  const { check, session } = await page.evaluate(([address, password]) => window.resetWith(address, password), [link, 'From-npm-app1']);
  assert.equal(check.ok, true);
  assert.ok(check.rules.every((r) => r.met && r.text.length > 0));
  assert.match(session.idToken, /^ey/);
  assert.equal(await canSignIn(stack, user.email, 'From-npm-app1'), true);
  assert.ok(await page.evaluate((owner) => localStorage.getItem(`CognitoIdentityServiceProvider.${window.resetConfig.clientId}.LastAuthUser`) === owner, session.username));

  // Whose account: signIn keeps a session only for the account the app showed, named by a
  // fact Cognito has verified. The link's holder may have edited its email, or removed it.
  await page.evaluate(() => localStorage.clear());
  const someoneElse = await page.evaluate(([address, password]) => window.signInShowing(address, password, 'victim@example.com'), [link, 'From-npm-app1']);
  assert.equal(someoneElse.code, 'OtherAccount');
  assert.match(someoneElse.userMessage, /belongs to a different account/);
  const opaque = await page.evaluate(([address, password]) => window.signInShowing(address, password, new URL(address).hash.match(/user_name=([^&]*)/)[1]), [link, 'From-npm-app1']);
  assert.deepEqual(opaque, { code: 'AccountNotShown', userMessage: 'Your password has been changed. Sign in to continue.', retryable: false });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'no session stored for either');
  assert.deepEqual(problems, []);
});

test('the same app signs in by link: ask, finish from the link in the browser that asked; elsewhere the code to type', async () => {
  const { stack } = env;
  const user = stack.users[0];
  const { page, problems } = await rulesPage(env, { language: 'en' });

  // Nothing happens on load: no pending sign-in, no session.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  const mark = stack.output().length;
  const sent = await page.evaluate((email) => window.askSignIn(email, 'amplify'), user.email);
  assert.equal(sent.pending.username, user.email);
  const key = `cognito-reset-link.${stack.config.clientId}.pendingSignIn`;
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)), sent.pending, 'kept as the page keeps it');
  const link = await stack.nextLink(mark, 30000, `${stack.pageOrigin}/sign-in.html`);
  const code = new URL(link).hash.match(/sign_in_code=(\d+)/)[1];

  // A wrong typed code: the page's words, in German; the pending sign-in stays for the right one.
  const wrong = await page.evaluate((c) => window.finishWith(c), code === '000000' ? '111111' : '000000');
  assert.equal(wrong.code, 'CodeMismatchException');
  assert.equal(wrong.retryable, false);
  assert.equal(wrong.userMessage, 'Dieser Code stimmt nicht. Bitte vergleiche ihn mit der E-Mail und versuche es noch einmal.');
  assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), key), null);

  // Another browser (no pending sign-in): the code to type where the person asked.
  const other = await rulesPage(env, { language: 'en' });
  assert.deepEqual(await other.page.evaluate((address) => window.finishFrom(address), link),
    { code: 'NotThisBrowser', userMessage: "Type this code where you asked to sign in. If you didn't ask to sign in, ignore this and never tell anyone this code:", retryable: false, signInCode: code });
  await other.context.close();

  // A pending object from elsewhere (a URL, a stale copy) is not this browser's sign-in: it is
  // neither answered nor allowed to spend the stored one.
  const forged = { ...sent.pending, session: `${sent.pending.session.slice(0, -4)}AAAA` };
  assert.equal((await page.evaluate(([address, pending]) => window.finishFrom(address, pending), [link, forged])).code, 'NotThisBrowser');
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)), sent.pending, 'the stored sign-in is untouched');

  const session = await page.evaluate((address) => window.finishFrom(address), link);
  assert.match(session.idToken, /^ey/);
  assert.ok(await page.evaluate((owner) => localStorage.getItem(`CognitoIdentityServiceProvider.${window.resetConfig.clientId}.LastAuthUser`) === owner, session.username));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null, 'the pending sign-in is spent');

  // The same link again: nothing pending here any more.
  const again = await page.evaluate((address) => window.finishFrom(address), link);
  assert.equal(again.code, 'NotThisBrowser');

  // session "none": the app keeps the pending sign-in itself and passes it back; nothing stored.
  await page.evaluate(() => localStorage.clear());
  const mark2 = stack.output().length;
  const own = await page.evaluate((email) => window.askSignIn(email, 'none'), user.email);
  assert.equal(own.pending.username, user.email);
  const link2 = await stack.nextLink(mark2, 30000, `${stack.pageOrigin}/sign-in.html`);
  assert.equal((await page.evaluate((address) => window.finishFrom(address, undefined, 'none'), link2)).code, 'NotThisBrowser');
  const kept = await page.evaluate(([address, pending]) => window.finishFrom(address, pending, 'none'), [link2, own.pending]);
  assert.match(kept.idToken, /^ey/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');
  assert.deepEqual(problems, []);
});

test('a sign-in that Cognito answers with a multi-factor challenge is continued with the code, by the same whose-account rule', async () => {
  const { stack } = env;
  const user = { email: 'mfa-person@example.com', password: 'Mfa-person1' };
  await stack.addUser(user);
  // cognito-local has no MFA: its tokens for the person are real; the challenge before them is
  // Cognito's shape, given by routing the two calls.
  const real = await cognito(stack.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
  });
  const username = JSON.parse(Buffer.from(real.AuthenticationResult.IdToken.split('.')[1], 'base64url').toString())['cognito:username'];
  const { page, problems } = await rulesPage(env, { language: 'en' });
  const answers = [];
  await page.route(`${stack.endpoint}**`, (route) => {
    const body = route.request().postDataJSON();
    const reply = (status, json) => route.fulfill({ status, contentType: 'application/x-amz-json-1.1', body: JSON.stringify(json) });
    if (body.AuthFlow === 'USER_PASSWORD_AUTH') {
      return reply(200, { ChallengeName: 'SMS_MFA', Session: 'mfa-session', ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******0199', USER_ID_FOR_SRP: username } });
    }
    answers.push(body);
    if (body.ChallengeResponses.SMS_MFA_CODE !== '424242') return reply(400, { __type: 'CodeMismatchException', message: 'Invalid code' });
    return reply(200, { AuthenticationResult: real.AuthenticationResult, ChallengeParameters: {} });
  });

  const challenged = await page.evaluate(([email, password]) => window.signInChallenged(email, password, email), [user.email, user.password]);
  assert.equal(challenged.code, 'SMS_MFA');
  assert.deepEqual(challenged.challenge, { name: 'SMS_MFA', session: 'mfa-session', username, destination: '+*******0199' });
  // Refused before any call: a challenge signIn did not hand over (a pending sign-in by link,
  // say), a code that is no code, an account nobody recognises.
  const notIssued = await page.evaluate(([challenge, account]) => window.answerChallenge({ ...challenge, name: 'EMAIL_OTP', session: 'from-elsewhere' }, '424242', account), [challenged.challenge, user.email]);
  assert.equal(notIssued.code, 'InvalidInput');
  const junk = await page.evaluate(([challenge, account]) => window.answerChallenge(challenge, 'junk-code', account), [challenged.challenge, user.email]);
  assert.equal(junk.code, 'InvalidInput');
  const opaque = await page.evaluate(([challenge]) => window.answerChallenge(challenge, '424242', challenge.username), [challenged.challenge]);
  assert.equal(opaque.code, 'AccountNotShown');
  assert.deepEqual(answers, []);
  const wrong = await page.evaluate(([challenge, account]) => window.answerChallenge(challenge, '000000', account), [challenged.challenge, user.email]);
  assert.deepEqual(wrong, { code: 'CodeMismatchException', userMessage: "That code isn't right. Please check it and try again.", retryable: false });
  // A link's holder who names another account gets no session from the person's code.
  const other = await page.evaluate(([challenge]) => window.answerChallenge(challenge, '424242', 'victim@example.com'), [challenged.challenge]);
  assert.equal(other.code, 'OtherAccount');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  // That answer spent the challenge, as Cognito spends its Session: a new sign-in, a new one.
  assert.equal((await page.evaluate(([challenge, account]) => window.answerChallenge(challenge, '424242', account), [challenged.challenge, user.email])).code, 'InvalidInput');
  const again = await page.evaluate(([email, password]) => window.signInChallenged(email, password, email), [user.email, user.password]);
  const session = await page.evaluate(([challenge, account]) => window.answerChallenge(challenge, ' 424242 ', account), [again.challenge, user.email]);
  assert.equal(session.username, username);
  assert.deepEqual(answers.at(-1), { ChallengeName: 'SMS_MFA', ClientId: stack.config.clientId, Session: 'mfa-session',
    ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: '424242' } });
  assert.ok(await page.evaluate((owner) => localStorage.getItem(`CognitoIdentityServiceProvider.${window.resetConfig.clientId}.LastAuthUser`) === owner, username));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('an address change with the app\'s own session: only a token Cognito issued to the link\'s account is used, and renewed tokens come back to the app', async () => {
  const { stack } = env;
  const signIn = async (email) => {
    await stack.addUser({ email, password: 'Own-session1' });
    const reply = await cognito(stack.endpoint, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.config.clientId, AuthParameters: { USERNAME: email, PASSWORD: 'Own-session1' },
    });
    return reply.AuthenticationResult;
  };
  const [mover, other] = [await signIn('own-session-mover@example.com'), await signIn('own-session-other@example.com')];
  const mark = stack.output().length;
  await cognito(stack.endpoint, 'UpdateUserAttributes', { AccessToken: mover.AccessToken, UserAttributes: [{ Name: 'email', Value: 'own-session-moved@example.com' }] });
  const link = await stack.nextLink(mark, 60_000, `${stack.pageOrigin}/verify.html`);
  const { page, problems } = await rulesPage(env, { language: 'en' });
  const calls = [];
  let refused = false;
  await page.route(`${stack.endpoint}**`, (route) => {
    const target = route.request().headers()['x-amz-target'].split('.').pop();
    calls.push(target);
    // The first VerifyUserAttribute is refused as Cognito refuses an expired access token.
    if (target === 'VerifyUserAttribute' && !refused) {
      refused = true;
      return route.fulfill({ status: 400, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Access Token has expired' }) });
    }
    return route.fallback();
  });
  // Someone else's token, whatever the app believes: no call, the code is for the app.
  const someoneElse = await page.evaluate(([address, session]) => window.confirmAddress(address, session), [link, { accessToken: other.AccessToken }]);
  assert.equal(someoneElse.code, 'NoSession');
  assert.deepEqual(calls, []);
  // A token that only claims to be the mover's (Cognito refuses it), beside another person's
  // refresh token: the renewed tokens are not the link's account's, so they are not used.
  const claim = Buffer.from(JSON.stringify({ username: JSON.parse(Buffer.from(mover.AccessToken.split('.')[1], 'base64url').toString()).username })).toString('base64url');
  const forged = await page.evaluate(([address, session]) => window.confirmAddress(address, session),
    [link, { accessToken: `eyJhbGciOiJub25lIn0.${claim}.x`, refreshToken: other.RefreshToken }]);
  assert.equal(forged.code, 'NoSession');
  assert.deepEqual(calls, ['VerifyUserAttribute', 'InitiateAuth'], 'nothing done with the other account\'s renewed token');
  calls.length = 0;
  refused = false;
  const done = await page.evaluate(([address, session]) => window.confirmAddress(address, session), [link, { accessToken: mover.AccessToken, refreshToken: mover.RefreshToken }]);
  assert.deepEqual(calls, ['VerifyUserAttribute', 'InitiateAuth', 'VerifyUserAttribute']);
  assert.equal(done.renewed.refreshToken, mover.RefreshToken, 'the refresh token that still works comes back with the renewed tokens');
  const owner = JSON.parse(Buffer.from(mover.AccessToken.split('.')[1], 'base64url').toString()).username;
  assert.equal(done.renewed.username, owner);
  assert.match(done.renewed.accessToken, /^ey/);
  const user = await cognito(stack.endpoint, 'AdminGetUser', { UserPoolId: stack.config.userPoolId, Username: owner });
  assert.equal(user.UserAttributes.find((a) => a.Name === 'email_verified')?.Value, 'true');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');
  // forgotPassword answers alike for an account and for nobody (showDestination is off).
  const known = await page.evaluate((email) => window.askForLink(email), 'own-session-other@example.com');
  const unknown = await page.evaluate((email) => window.askForLink(email), 'nobody-at-all@example.com');
  assert.deepEqual(known, { destination: null, medium: null });
  assert.deepEqual(unknown, known);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('npm/README.md: each example is taken from the example app, and the stated sizes hold', () => {
  const readme = readFileSync(join(ROOT, 'npm', 'README.md'), 'utf8');
  const examples = readme.slice(readme.indexOf('## One example per flow'), readme.indexOf('## Reading any link'));
  const blocks = [...examples.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 7);
  const sources = FLOWS.map((flow) => readFileSync(join(APP, `${flow}.ts`), 'utf8'));
  for (const block of blocks) assert.ok(sources.some((source) => source.includes(block)), `not in an example:\n${block}`);
  for (const flow of FLOWS) assert.ok(readme.includes(`\`${flow}.ts\``), `README names ${flow}.ts`);
  // The byte ceilings: the sizes README states, with a little room (brotli -q 11).
  const brotli = (file) => brotliCompressSync(readFileSync(join(PACKAGE, file)), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const stated = (module) => Number(readme.match(new RegExp(`\\| \`${module}\` \\|[^|]*\\| (\\d+) KB wasm`))[1]) * 1000;
  for (const [module, wasm] of [['cognito-reset-link', 'cognito_reset_link_bg.wasm'], ['cognito-reset-link/password', 'cognito_reset_link_password_bg.wasm']]) {
    assert.ok(brotli(wasm) <= stated(module) * 1.03, `${wasm}: ${brotli(wasm)} bytes, README says ${stated(module)}`);
  }
});

test('example app, reset: ask for a link, open it, choose a password: signed in, nothing stored', () => resetFlow(env));
test('example app, sign-up: the link confirms the account on the press, without downloading SRP', () => signUpFlow(env));
test('example app, invitation: the required detail first, then the password set and signed in', () => invitationFlow(env));
test('example app, address change: one press with the stored session; elsewhere the code to type', () => addressChangeFlow(env));
test('example app, sign-in by link: one press in the browser that asked; elsewhere the code', () => signInLinkFlow(env));
