// The whole flow on one machine: cognito-local (the user pool), the real trigger served by
// `cargo lambda watch` (the Lambda Invoke API), and the pages. Used by `npm start` and the
// browser tests, so both run exactly the same stack.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { startSignInStandIn } from './passwordless-local.mjs';
import { ROOT, withTools } from './paths.mjs';
const TRIGGER = 'reset-link-trigger';

/** Reads every reset link in text that cognito-local printed (HTML-escaped or not). */
export function linksIn(text, pageUrl) {
  const escaped = pageUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = text.match(new RegExp(`${escaped}[^\\s"'<>\\\\]*`, 'g')) ?? [];
  // cognito-local fills in only the first `{####}` of a message; real Cognito fills in all.
  return found.map((link) => link.replaceAll('&amp;', '&')).filter((link) => !link.includes('{####}'));
}

/** What `npm start` adds to the stack's config.json: after a reset or an invitation the
 * person is signed in (USER_PASSWORD_AUTH: cognito-local has no SRP) and lands on the demo
 * app page, which greets them from the stored session. */
export const DEMO_SETTINGS = { signIn: 'password', session: 'amplify', afterSignInUrl: '/local/app.html' };

/** What `npm start` starts the stack with: sign-in by link, answered by the local stand-in
 * (cognito-local has no USER_AUTH), so sign-in.html works end to end. The demo test uses the
 * same, so what it checks is what `npm start` shows. */
export const DEMO_STACK = { signInByLink: true };

/** The person `npm start` invites, so the demo shows an invitation link too. */
export const DEMO_INVITED = 'invited@example.com';

/** Calls Cognito (here: cognito-local) with `operation` and `body`; resolves to the JSON reply. */
export async function cognito(endpoint, operation, body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      // cognito-local accepts any signature for the admin calls used to seed the pool.
      Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/cognito-idp/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  const reply = await response.json().catch(() => ({}));
  return { status: response.status, ...reply };
}

/** Waits until `url` answers anything, or fails after `ms`. */
async function waitFor(url, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'POST' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

/**
 * Starts the stack in `.run/<name>/` on the given ports and seeds the pool from
 * local/seed.json. `onOutput(line)` sees what the servers print. `signInByLink` (true, or the
 * stand-in's options such as `sessionSeconds`) puts the USER_AUTH / EMAIL_OTP stand-in of
 * scripts/passwordless-local.mjs in front of cognito-local on `signInPort`: the stack's
 * endpoint is then the stand-in's, and the emails it prints join the servers' output.
 */
export async function startStack({ name = 'demo', cognitoPort = 9229, lambdaPort = 9000, pagePort = 8080, onOutput = () => {},
  signInByLink = false, signInPort = pagePort + 1 } = {}) {
  const dir = join(ROOT, '.run', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.cognito'), { recursive: true });
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const pageUrl = `${pageOrigin}/reset-password.html`;
  const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}/`;
  const endpoint = signInByLink ? `http://127.0.0.1:${signInPort}/` : cognitoEndpoint;
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({
    LambdaClient: { endpoint: `http://127.0.0.1:${lambdaPort}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
    TriggerFunctions: { CustomMessage: TRIGGER },
    UserPoolDefaults: { UsernameAttributes: ['email'] },
  }, null, 2));
  // With sign-in by link, the trigger turns the sign-in code's email into a link too.
  writeFileSync(join(dir, 'trigger.env'), `RESET_PAGE_URL=${pageUrl}\nPRODUCT_NAME="the reset-link demo"\n${signInByLink ? 'SIGN_IN_LINKS=true\n' : ''}`);

  // Built here, so the first reset does not wait for `cargo lambda watch` to compile it.
  execFileSync('cargo', ['build', '--quiet', '-p', TRIGGER], { cwd: ROOT, stdio: 'inherit' });
  const children = [];
  let output = '';
  const linkWaiters = [];
  /** Returns a function that adds what `label` prints to the output, line by line. */
  const recorder = (label) => {
    let pending = '';
    return (chunk) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) onOutput(line, label);
      for (const waiter of [...linkWaiters]) waiter();
    };
  };
  const watch = (child, label) => {
    children.push(child);
    const take = recorder(label);
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
  };
  watch(spawn('cargo', ['lambda', 'watch', '-A', '127.0.0.1', '-P', String(lambdaPort), '-p', TRIGGER,
    '--env-file', join(dir, 'trigger.env')], { cwd: ROOT, detached: true, env: withTools() }), 'trigger');
  const cognitoBin = join(ROOT, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');
  // Two small fixes preloaded into cognito-local: whole emails, and Cognito's ID-token claims.
  const preloads = ['cognito-whole-writes.cjs', 'cognito-id-claims.cjs'].flatMap((file) => ['--require', join(ROOT, 'scripts', file)]);
  watch(spawn(process.execPath, [...preloads, cognitoBin], { cwd: dir, detached: true,
    env: { ...process.env, PORT: String(cognitoPort), HOST: '127.0.0.1', COLUMNS: '2000', FORCE_COLOR: '0', NO_COLOR: '1' } }), 'cognito');

  const killChildren = () => {
    for (const child of children) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  };
  process.once('exit', killChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => { killChildren(); process.exit(130); });
  }
  const stop = async () => {
    killChildren();
    process.removeListener('exit', killChildren);
    await new Promise((resolve) => server ? server.close(resolve) : resolve());
    await standIn?.close();
  };
  let server;
  let standIn;
  try {
    await waitFor(cognitoEndpoint, 30_000, 'cognito-local');
    await waitFor(`http://127.0.0.1:${lambdaPort}/`, 120_000, 'cargo lambda watch');
    const seed = JSON.parse(readFileSync(join(ROOT, 'local', 'seed.json'), 'utf8'));
    const { UserPool } = await cognito(cognitoEndpoint, 'CreateUserPool', seed.pool);
    const { UserPoolClient } = await cognito(cognitoEndpoint, 'CreateUserPoolClient', { ...seed.client, UserPoolId: UserPool.Id });
    for (const user of seed.users) await addUser(cognitoEndpoint, UserPool.Id, user);
    if (signInByLink) {
      const print = recorder('signin');
      standIn = await startSignInStandIn({ ...(signInByLink === true ? {} : signInByLink), port: signInPort,
        cognitoEndpoint, dbDir: join(dir, '.cognito', 'db'), lambdaEndpoint: `http://127.0.0.1:${lambdaPort}`,
        functionName: TRIGGER, print: (text) => print(`${text}\n`) });
    }
    const config = {
      userPoolId: UserPool.Id,
      clientId: UserPoolClient.ClientId,
      endpoint,
      signInUrl: `${pageOrigin}/index.html`,
      // cognito-local has no SRP; the browser tests that sign in put a verifying server in front.
      signIn: 'none',
      passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
      resendCooldownSeconds: 60,
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    server = await serve({ root: ROOT, port: pagePort, configFile, cognitoEndpoint: endpoint, demo: true });
    return {
      config, configFile, endpoint, cognitoEndpoint, pageOrigin, pageUrl, users: seed.users, stop,
      /** The sign-in stand-in (`seen`: what it answered itself), when `signInByLink` is on. */
      signIn: standIn,
      addUser: (user) => addUser(cognitoEndpoint, UserPool.Id, user),
      /** Serves the stack's config.json with `extra` keys over it. */
      configure: (extra) => writeFileSync(configFile, JSON.stringify({ ...config, ...extra }, null, 2)),
      /** Every request the pages' server has had: path and Referer. */
      pageRequests: () => server.seen,
      /** Everything the servers printed so far. */
      output: () => output,
      /** Resolves to the next link to `page` (the reset page unless given) printed after
       * `since` characters of output. */
      nextLink: (since, ms = 60_000, page = pageUrl) => new Promise((resolve, reject) => {
        const check = () => {
          const link = linksIn(output.slice(since), page)[0];
          if (!link) return false;
          linkWaiters.splice(linkWaiters.indexOf(check), 1);
          clearTimeout(timer);
          resolve(link);
          return true;
        };
        const timer = setTimeout(() => {
          linkWaiters.splice(linkWaiters.indexOf(check), 1);
          reject(new Error('no reset link was printed'));
        }, ms);
        linkWaiters.push(check);
        check();
      }),
    };
  } catch (error) {
    await stop();
    error.message += `\n--- server output ---\n${output.slice(-4000)}`;
    throw error;
  }
}

/** Creates a confirmed user with a verified email and a permanent password. */
async function addUser(endpoint, poolId, { email, password }) {
  await cognito(endpoint, 'AdminCreateUser', {
    UserPoolId: poolId, Username: email, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  const set = await cognito(endpoint, 'AdminSetUserPassword', { UserPoolId: poolId, Username: email, Password: password, Permanent: true });
  if (set.status !== 200) throw new Error(`could not seed ${email}: ${JSON.stringify(set)}`);
}
