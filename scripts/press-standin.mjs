// The benchmark's Cognito for the press: one pool with one account, answering the three calls
// a reset that signs in makes (`ConfirmForgotPassword`, `InitiateAuth` with `USER_SRP_AUTH`,
// `RespondToAuthChallenge` with `PASSWORD_VERIFIER`) with real SRP (scripts/srp-verifier.mjs,
// the tests' verifier), each answer leaving a fixed time after its request arrived, whatever
// the work, so every page meets the same server. Used by `npm run bench` only.
import { randomUUID } from 'node:crypto';
import { listenAsCognito } from './passwordless-local.mjs';
import { srpChallenge, srpClaimHolds } from './srp-verifier.mjs';

/** Base64url of a JSON value, as a JWT part. */
const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens shaped as Cognito's for `account`: the ID token names it by a verified email, as
 * the kit's whose-account rule asks; `exp` an hour ahead, as the libraries check it. The
 * signature is no real one: no page checks it (an app's server would).
 */
function tokensFor(account, clientId, poolId) {
  const now = Math.floor(Date.now() / 1000);
  const common = { sub: account.sub, iss: `https://cognito-idp.eu-west-1.amazonaws.com/${poolId}`, iat: now, exp: now + 3600, auth_time: now };
  const jwt = (claims) => `${part({ kid: 'bench', alg: 'RS256' })}.${part({ ...common, ...claims })}.${part('signature')}`;
  return {
    IdToken: jwt({ aud: clientId, token_use: 'id', 'cognito:username': account.username, email: account.email, email_verified: true }),
    AccessToken: jwt({ client_id: clientId, token_use: 'access', username: account.username, scope: 'aws.cognito.signin.user.admin', jti: randomUUID() }),
    RefreshToken: randomUUID().repeat(4),
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  };
}

/**
 * Starts the stand-in on 127.0.0.1:`port` for the pool `poolId` with `account`
 * (`{ username, email, password }`). Each answer leaves `delay` ms after its request arrived
 * (a CORS preflight is answered at once). `unchecked` names app clients whose
 * `PASSWORD_VERIFIER` answer is not required to hold: the floor's, which sends the three
 * calls with bodies made beforehand and no SRP; its claim is still checked, so the stand-in
 * works alike for it. `seen` lists each call and, for an answer, `verified` or `rejected`.
 */
export function startPressStandIn({ port, poolId, account, delay, unchecked = [] }) {
  const sessions = new Map();
  const seen = [];
  const poolName = poolId.split('_')[1];
  const refuse = (type, message) => ({ status: 400, text: JSON.stringify({ __type: type, message }) });
  const work = (target, request) => {
    const call = target.split('.').pop();
    seen.push(call);
    const known = [account.username, account.email].includes(request.Username ?? request.AuthParameters?.USERNAME ?? request.ChallengeResponses?.USERNAME);
    if (!known) return refuse('NotAuthorizedException', 'Incorrect username or password.');
    if (call === 'ConfirmForgotPassword') {
      account.password = request.Password;
      return { status: 200, text: '{}' };
    }
    if (call === 'InitiateAuth' && request.AuthFlow === 'USER_SRP_AUTH') {
      const { parameters, state } = srpChallenge({ poolName, username: account.username, password: account.password, bigAHex: request.AuthParameters.SRP_A });
      const session = randomUUID();
      sessions.set(session, state);
      return { status: 200, text: JSON.stringify({ ChallengeName: 'PASSWORD_VERIFIER', Session: session,
        ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: account.username, USERNAME: account.username } }) };
    }
    if (call === 'RespondToAuthChallenge' && request.ChallengeName === 'PASSWORD_VERIFIER') {
      const state = sessions.get(request.Session);
      sessions.delete(request.Session);
      const holds = Boolean(state) && srpClaimHolds(state, request.ChallengeResponses);
      seen.push(holds ? 'verified' : 'rejected');
      if (!holds && !(state && unchecked.includes(request.ClientId))) return refuse('NotAuthorizedException', 'Incorrect username or password.');
      return { status: 200, text: JSON.stringify({ AuthenticationResult: tokensFor(account, request.ClientId, poolId), ChallengeParameters: {} }) };
    }
    return refuse('InvalidParameterException', `The benchmark's stand-in does not answer ${call}.`);
  };
  const handle = async (target, body) => {
    const arrived = performance.now();
    const answer = work(target, JSON.parse(body || '{}'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, arrived + delay - performance.now())));
    return answer;
  };
  return listenAsCognito(port, handle, seen);
}
