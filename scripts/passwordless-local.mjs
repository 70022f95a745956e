// A local stand-in for Cognito's choice-based sign-in (`USER_AUTH`) with the emailed code
// (`EMAIL_OTP`), which neither cognito-local nor moto implements. It sits in front of
// cognito-local, answers those two calls itself from the Cognito API reference, asks the REAL
// trigger for the message (a `CustomMessage_Authentication` event through the Lambda Invoke
// API that `cargo lambda watch` serves), prints the email the way cognito-local prints the
// others, and gets real tokens from cognito-local once the code is right. Every other call
// is passed through unchanged. Local stack and tests only: never part of the shipped pages.
import { createServer } from 'node:http';
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The stored user whose username or email is `name` (in the pool `poolId` when given). */
export function findUser(dbDir, name, poolId) {
  for (const file of readdirSync(dbDir).filter((f) => f !== 'clients.json' && f.endsWith('.json'))) {
    const pool = JSON.parse(readFileSync(join(dbDir, file), 'utf8'));
    if (poolId && pool.Options?.Id !== poolId) continue;
    for (const user of Object.values(pool.Users ?? {})) {
      const email = user.Attributes?.find((a) => a.Name === 'email')?.Value;
      if (user.Username === name || email === name) return { poolId: pool.Options.Id, user };
    }
  }
  return null;
}

/** Masks an address as Cognito shows it: first letter of each side, `j***@e***`. */
export function maskEmail(address) {
  const [local = '', domain = ''] = String(address).split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

// What Cognito sends when neither a template nor the trigger says otherwise. Cognito's own
// default wording for this message is not in the API reference; this is "default-ish".
const DEFAULT_SUBJECT = 'Your sign-in code';
const DEFAULT_MESSAGE = 'Your sign-in code is {####}.';
// The choices a pool with passwords and EMAIL_OTP among its first factors offers. The same
// list for every USERNAME, known or not, so the answer tells nothing about the account.
const AVAILABLE = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'];

const error = (type, message) => ({ status: 400, text: JSON.stringify({ __type: type, message }) });
const ok = (body) => ({ status: 200, text: JSON.stringify(body) });
// Cognito's words for a session it no longer honours (as seen from the service; the API
// reference names the exception, not the message).
const SESSION_USED = () => error('NotAuthorizedException', 'Invalid session for the user, session can only be used once.');
const SESSION_EXPIRED = () => error('NotAuthorizedException', 'Invalid session for the user, session is expired.');
const SESSION_UNKNOWN = () => error('NotAuthorizedException', 'Invalid session for the user.');

/** The user's attributes as a trigger event carries them (a map, with Cognito's extras). */
function eventAttributes(user) {
  const attributes = Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name, a.Value]));
  return {
    ...attributes,
    'cognito:user_status': user.UserStatus,
    ...(attributes.email ? { 'cognito:email_alias': attributes.email } : {}),
  };
}

/** The `CustomMessage_Authentication` event Cognito sends the trigger for a sign-in code. */
export function authenticationEvent({ poolId, clientId, user, clientMetadata = {} }) {
  return {
    version: '1',
    region: poolId.split('_')[0],
    userPoolId: poolId,
    userName: user.Username,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    triggerSource: 'CustomMessage_Authentication',
    request: {
      userAttributes: eventAttributes(user),
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      clientMetadata,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

/** Invokes the trigger through the Lambda Invoke API; resolves to its `response` or throws. */
async function askTrigger(lambdaEndpoint, functionName, event) {
  const reply = await fetch(`${lambdaEndpoint}/2015-03-31/functions/${functionName}/invocations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event),
  });
  const text = await reply.text();
  const body = JSON.parse(text || '{}');
  if (reply.status !== 200 || reply.headers.get('x-amz-function-error') || body.errorType) {
    throw new Error(body.errorMessage ?? `the trigger answered ${reply.status}: ${text.slice(0, 200)}`);
  }
  return body.response ?? {};
}

/** The email as cognito-local prints one (its "Confirmation Code Delivery" box, in plain lines). */
export function emailText({ username, destination, code, subject, message }) {
  const fields = [['Username', username], ['Destination', destination], ['Code', code],
    ['Email Subject', subject], ['Email Message', message]];
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  return ['Confirmation Code Delivery', '',
    ...fields.map(([name, value]) => `${`${name}:`.padEnd(width)} ${value}`), ''].join('\n');
}

/** A call passed on to `cognitoEndpoint` unchanged: resolves to its status and body text. */
export function forwarder(cognitoEndpoint) {
  return async (target, body) => {
    const response = await fetch(cognitoEndpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target }, body,
    });
    return { status: response.status, text: await response.text() };
  };
}

/**
 * Serves `handle(target, body)` (resolving `{ status, text }`) on 127.0.0.1:`port` as Cognito
 * answers browsers: CORS for any page, JSON replies, and a failing handler as Cognito's
 * InternalErrorException. Resolves to `{ endpoint, seen, close() }`.
 */
export function listenAsCognito(port, handle, seen) {
  const server = createServer(async (req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const { status, text } = await handle(req.headers['x-amz-target'] ?? '', Buffer.concat(chunks).toString())
      .catch((failure) => ({ status: 500, text: JSON.stringify({ __type: 'InternalErrorException', message: failure.message }) }));
    res.writeHead(status, { ...cors, 'Content-Type': 'application/x-amz-json-1.1' }).end(text);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      endpoint: `http://127.0.0.1:${port}/`, seen, close: () => new Promise((r) => server.close(r)),
    }));
  });
}

/**
 * Starts the stand-in on 127.0.0.1:`port` in front of `cognitoEndpoint`. `dbDir` is
 * cognito-local's database folder; `lambdaEndpoint` serves the trigger `functionName`.
 * `print(text)` receives each email; `sessionSeconds` is the app client's auth session
 * validity (Cognito: 3 to 15 minutes, default 3); `maxAttempts` wrong codes spend a session;
 * `now` is the clock (tests move it). `seen` lists what the stand-in answered itself.
 */
export function startSignInStandIn({ port, cognitoEndpoint, dbDir, lambdaEndpoint, functionName = 'reset-link-trigger',
  print = (text) => process.stdout.write(`${text}\n`), sessionSeconds = 180, maxAttempts = 3, now = Date.now }) {
  const sessions = new Map();
  const seen = [];
  const forward = forwarder(cognitoEndpoint);
  const poolOf = (clientId) => {
    try {
      return JSON.parse(readFileSync(join(dbDir, 'clients.json'), 'utf8')).Clients?.[clientId]?.UserPoolId ?? null;
    } catch {
      return null;
    }
  };
  const newSession = (state) => {
    // Cognito's sessions are long opaque strings; this one only has to be unguessable.
    const session = randomBytes(96).toString('base64');
    sessions.set(session, { ...state, started: now(), attempts: 0, spent: false });
    return session;
  };

  /** Sends a code to `username` (when the account exists) and answers the EMAIL_OTP challenge. */
  const sendCode = async ({ clientId, username, clientMetadata }) => {
    const poolId = poolOf(clientId);
    if (!poolId) return error('ResourceNotFoundException', 'User pool client does not exist.');
    const found = findUser(dbDir, username, poolId);
    const email = found?.user.Attributes?.find((a) => a.Name === 'email')?.Value;
    // Unknown account (or one without an email): nothing is sent, but the answer has the same
    // shape, a destination masked from what was typed, and a session that only ever mismatches,
    // as with PreventUserExistenceErrors ENABLED.
    const destination = maskEmail(email ?? (username.includes('@') ? username : `${username}@example.com`));
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (found && email) {
      let response;
      try {
        response = await askTrigger(lambdaEndpoint, functionName,
          authenticationEvent({ poolId, clientId, user: found.user, clientMetadata }));
      } catch (failure) {
        // Cognito fails the request when the trigger fails; nothing is sent.
        return error('UserLambdaValidationException', `CustomMessage failed with error ${failure.message}.`);
      }
      // Whatever the trigger wrote (or nothing), the email is printed with every `{####}`
      // filled in, as real Cognito fills them all.
      const fill = (text) => String(text).replaceAll('{####}', code);
      print(emailText({ username: found.user.Username, destination: email, code,
        subject: fill(response.emailSubject || DEFAULT_SUBJECT), message: fill(response.emailMessage || DEFAULT_MESSAGE) }));
    }
    const session = newSession({ clientId, user: found && email ? found.user : null, code });
    seen.push(found && email ? 'EMAIL_OTP sent' : 'EMAIL_OTP unknown');
    return ok({ ChallengeName: 'EMAIL_OTP', Session: session, ChallengeParameters:
      { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: destination } });
  };

  /** Tokens from cognito-local for `user`, through the password it stores. */
  const tokensFor = (clientId, user) => forward('AWSCognitoIdentityProviderService.InitiateAuth', JSON.stringify({
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
  }));

  /** The session `id` when it may still be answered, else the error Cognito gives. */
  const liveSession = (id) => {
    const state = sessions.get(id);
    if (!state) return { refusal: SESSION_UNKNOWN() };
    if (state.spent) return { refusal: SESSION_USED() };
    if (now() - state.started > sessionSeconds * 1000) {
      state.spent = true;
      return { refusal: SESSION_EXPIRED() };
    }
    return { state };
  };

  const initiate = async (request) => {
    const parameters = request.AuthParameters ?? {};
    const username = parameters.USERNAME;
    if (!username) return error('InvalidParameterException', 'Missing required parameter USERNAME');
    if (parameters.PREFERRED_CHALLENGE === 'EMAIL_OTP') {
      return sendCode({ clientId: request.ClientId, username, clientMetadata: request.ClientMetadata });
    }
    if (parameters.PREFERRED_CHALLENGE === 'PASSWORD' && parameters.PASSWORD) {
      return forward('AWSCognitoIdentityProviderService.InitiateAuth', JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH', ClientId: request.ClientId, AuthParameters: { USERNAME: username, PASSWORD: parameters.PASSWORD },
      }));
    }
    if (!poolOf(request.ClientId)) return error('ResourceNotFoundException', 'User pool client does not exist.');
    seen.push('SELECT_CHALLENGE');
    return ok({ ChallengeName: 'SELECT_CHALLENGE', Session: newSession({ clientId: request.ClientId, username, select: true }),
      ChallengeParameters: {}, AvailableChallenges: AVAILABLE });
  };

  const respond = async (request) => {
    const answer = request.ChallengeResponses ?? {};
    const { state, refusal } = liveSession(request.Session);
    if (refusal) return refusal;
    if (request.ChallengeName === 'SELECT_CHALLENGE' && state.select) {
      if (answer.ANSWER !== 'EMAIL_OTP') return error('InvalidParameterException', 'Only EMAIL_OTP is answered by the local stand-in.');
      state.spent = true;
      return sendCode({ clientId: state.clientId, username: answer.USERNAME ?? state.username, clientMetadata: request.ClientMetadata });
    }
    if (state.select || !answer.EMAIL_OTP_CODE) return error('InvalidParameterException', 'Missing required parameter EMAIL_OTP_CODE');
    const given = Buffer.from(String(answer.EMAIL_OTP_CODE));
    const right = state.user && given.length === state.code.length && timingSafeEqual(given, Buffer.from(state.code));
    if (!right) {
      state.attempts += 1;
      // The last allowed wrong code spends the session: the next call is refused as used.
      if (state.attempts >= maxAttempts) state.spent = true;
      seen.push('CodeMismatch');
      return error('CodeMismatchException', 'Invalid code or auth state for the user.');
    }
    state.spent = true;
    seen.push('EMAIL_OTP verified');
    return tokensFor(state.clientId, state.user);
  };

  const handle = async (target, body) => {
    let request;
    try {
      request = JSON.parse(body || '{}');
    } catch {
      return forward(target, body);
    }
    if (target.endsWith('.InitiateAuth') && request.AuthFlow === 'USER_AUTH') return initiate(request);
    // The two challenges only this stand-in issues are answered here even with a session it
    // never gave, so a forged one meets Cognito's refusal rather than cognito-local's.
    if (target.endsWith('.RespondToAuthChallenge')
      && (sessions.has(request.Session) || ['EMAIL_OTP', 'SELECT_CHALLENGE'].includes(request.ChallengeName))) return respond(request);
    return forward(target, body);
  };
  return listenAsCognito(port, handle, seen);
}
