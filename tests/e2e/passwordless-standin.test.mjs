// The local USER_AUTH / EMAIL_OTP stand-in (scripts/passwordless-local.mjs) on the real stack:
// cognito-local behind it, the real trigger asked for each message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, cognito, canSignIn } from './harness.mjs';
import { authenticationEvent, findUser, startSignInStandIn } from '../../scripts/passwordless-local.mjs';
import { linksIn } from '../../scripts/local.mjs';
import { ROOT } from '../../scripts/paths.mjs';
import { join } from 'node:path';

const BASE = 19780;
let env;
let skew = 0;
before(async () => {
  env = await setUp('e2e-passwordless', BASE, { signInByLink: { now: () => Date.now() + skew } });
});
after(() => env?.close());

const client = () => env.stack.config.clientId;
const startSignIn = (username, preferred = 'EMAIL_OTP') => cognito(env.stack.endpoint, 'InitiateAuth', {
  AuthFlow: 'USER_AUTH', ClientId: client(),
  AuthParameters: { USERNAME: username, ...(preferred ? { PREFERRED_CHALLENGE: preferred } : {}) },
});
const answer = (username, session, code) => cognito(env.stack.endpoint, 'RespondToAuthChallenge', {
  ChallengeName: 'EMAIL_OTP', ClientId: client(), Session: session,
  ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: code },
});
/** The emails printed after `mark` characters of the stack's output. */
const emailsSince = (mark) => env.stack.output().slice(mark).split('Confirmation Code Delivery').slice(1);
const codeIn = (email) => email.match(/^Code:\s+(\d{6})$/m)?.[1];
const wrong = (code) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

test('InitiateAuth USER_AUTH with EMAIL_OTP prints an email with the code and answers the masked destination', async () => {
  const mark = env.stack.output().length;
  const reply = await startSignIn('demo@example.com');
  assert.equal(reply.status, 200);
  assert.equal(reply.ChallengeName, 'EMAIL_OTP');
  assert.ok(reply.Session.length > 100);
  assert.deepEqual(reply.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' });
  const emails = emailsSince(mark);
  assert.equal(emails.length, 1);
  const code = codeIn(emails[0]);
  assert.match(code, /^\d{6}$/);
  assert.match(emails[0], /^Destination:\s+demo@example\.com$/m);
  assert.match(emails[0].split('Email Message:')[1], new RegExp(code), 'the message carries the code');
  assert.doesNotMatch(emails[0], /\{####\}/, 'every placeholder is filled in');
  // The real trigger, with sign-in links on, turned the message into a link carrying the code.
  const [link] = linksIn(env.stack.output().slice(mark), `${env.stack.pageOrigin}/sign-in.html`);
  assert.ok(link, 'the email links to sign-in.html');
  const params = new URLSearchParams(new URL(link).hash.slice(1));
  assert.equal(params.get('sign_in_code'), code);
  assert.equal(params.get('email'), 'demo@example.com');
});

test('the printed code signs the person in: tokens whose ID token names them; the session is then spent', async () => {
  const mark = env.stack.output().length;
  const { Session } = await startSignIn('jane+reset@example.com');
  const code = codeIn(emailsSince(mark)[0]);
  const reply = await answer('jane+reset@example.com', Session, code);
  assert.equal(reply.status, 200, JSON.stringify(reply));
  const id = claims(reply.AuthenticationResult.IdToken);
  assert.equal(id.email, 'jane+reset@example.com');
  assert.ok(reply.AuthenticationResult.AccessToken && reply.AuthenticationResult.RefreshToken);
  const again = await answer('jane+reset@example.com', Session, code);
  assert.equal(again.__type, 'NotAuthorizedException');
  assert.match(again.message, /only be used once/);
});

test('three wrong codes spend the session: the right code is then refused', async () => {
  const mark = env.stack.output().length;
  const { Session } = await startSignIn('demo@example.com');
  const code = codeIn(emailsSince(mark)[0]);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const reply = await answer('demo@example.com', Session, wrong(code));
    assert.equal(reply.__type, 'CodeMismatchException', `attempt ${attempt}`);
  }
  const late = await answer('demo@example.com', Session, code);
  assert.equal(late.__type, 'NotAuthorizedException');
});

test('two wrong codes leave the session usable', async () => {
  const mark = env.stack.output().length;
  const { Session } = await startSignIn('demo@example.com');
  const code = codeIn(emailsSince(mark)[0]);
  for (let attempt = 0; attempt < 2; attempt += 1) await answer('demo@example.com', Session, wrong(code));
  const reply = await answer('demo@example.com', Session, code);
  assert.ok(reply.AuthenticationResult?.IdToken, JSON.stringify(reply));
});

test('a session older than its validity (3 minutes by default) is refused, the right code too', async () => {
  const mark = env.stack.output().length;
  const { Session } = await startSignIn('demo@example.com');
  const code = codeIn(emailsSince(mark)[0]);
  skew = 181_000;
  try {
    const reply = await answer('demo@example.com', Session, code);
    assert.equal(reply.__type, 'NotAuthorizedException');
    assert.match(reply.message, /expired/);
  } finally {
    skew = 0;
  }
});

test('an unknown account gets an answer of the same shape, no email, and only mismatches', async () => {
  const known = await startSignIn('demo@example.com');
  const mark = env.stack.output().length;
  const reply = await startSignIn('nobody@example.com');
  assert.equal(reply.status, 200);
  assert.equal(reply.ChallengeName, 'EMAIL_OTP');
  assert.deepEqual(Object.keys(reply).sort(), Object.keys(known).sort());
  assert.equal(reply.Session.length, known.Session.length);
  assert.deepEqual(reply.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'n***@e***' });
  assert.equal(emailsSince(mark).length, 0, 'nothing is sent');
  const guess = await answer('nobody@example.com', reply.Session, '123456');
  assert.equal(guess.__type, 'CodeMismatchException');
});

test('without a preferred challenge: SELECT_CHALLENGE with AvailableChallenges; choosing EMAIL_OTP sends the code', async () => {
  const reply = await startSignIn('demo@example.com', null);
  assert.equal(reply.status, 200);
  assert.equal(reply.ChallengeName, 'SELECT_CHALLENGE');
  assert.ok(reply.Session);
  assert.ok(reply.AvailableChallenges.includes('EMAIL_OTP'));
  const unknown = await startSignIn('nobody@example.com', null);
  assert.deepEqual(unknown.AvailableChallenges, reply.AvailableChallenges, 'the same choices for an unknown account');
  const mark = env.stack.output().length;
  const chosen = await cognito(env.stack.endpoint, 'RespondToAuthChallenge', {
    ChallengeName: 'SELECT_CHALLENGE', ClientId: client(), Session: reply.Session,
    ChallengeResponses: { USERNAME: 'demo@example.com', ANSWER: 'EMAIL_OTP' },
  });
  assert.equal(chosen.ChallengeName, 'EMAIL_OTP');
  const code = codeIn(emailsSince(mark)[0]);
  const done = await answer('demo@example.com', chosen.Session, code);
  assert.ok(done.AuthenticationResult?.IdToken);
});

test('a session the stand-in never gave is refused', async () => {
  const reply = await answer('demo@example.com', 'forged-session', '123456');
  assert.equal(reply.__type, 'NotAuthorizedException');
});

test('every other call passes through to cognito-local', async () => {
  assert.notEqual(env.stack.endpoint, env.stack.cognitoEndpoint);
  assert.equal(env.stack.config.endpoint, env.stack.endpoint, 'the pages call the stand-in');
  assert.ok(await canSignIn(env.stack, 'demo@example.com', 'Demo-password1'));
  const forgot = await cognito(env.stack.endpoint, 'ForgotPassword', { ClientId: client(), Username: 'demo@example.com' });
  assert.equal(forgot.status, 200);
});

test('the real trigger accepts the CustomMessage_Authentication event and answers it whole', async () => {
  const { poolId, user } = findUser(join(ROOT, '.run', 'e2e-passwordless', '.cognito', 'db'), 'demo@example.com');
  const event = authenticationEvent({ poolId, clientId: client(), user });
  assert.equal(event.request.userAttributes.email, 'demo@example.com');
  const reply = await fetch(`http://127.0.0.1:${BASE + 1}/2015-03-31/functions/reset-link-trigger/invocations`, {
    method: 'POST', body: JSON.stringify(event),
  });
  assert.equal(reply.status, 200);
  const body = await reply.json();
  assert.equal(body.triggerSource, 'CustomMessage_Authentication');
  assert.equal(body.userName, user.Username);
  assert.ok('response' in body);
});

test('a trigger that fails fails the request and sends nothing, as Cognito does', async () => {
  const printed = [];
  const standIn = await startSignInStandIn({ port: BASE + 4, cognitoEndpoint: env.stack.cognitoEndpoint,
    dbDir: join(ROOT, '.run', 'e2e-passwordless', '.cognito', 'db'), lambdaEndpoint: 'http://127.0.0.1:9', print: (text) => printed.push(text) });
  try {
    const reply = await cognito(standIn.endpoint, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH', ClientId: client(), AuthParameters: { USERNAME: 'demo@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    assert.equal(reply.__type, 'UserLambdaValidationException');
    assert.deepEqual(printed, []);
  } finally {
    await standIn.close();
  }
});
