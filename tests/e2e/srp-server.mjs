// A Cognito stand-in for SRP sign-in, for the browser tests. cognito-local has no
// USER_SRP_AUTH, and moto accepts any signature, so neither can prove an SRP client right.
// This server answers USER_SRP_AUTH and PASSWORD_VERIFIER itself, with Cognito's side of SRP
// (scripts/srp-verifier.mjs: Node's BigInt and crypto, independent of the Rust client),
// checking the claim against the password cognito-local holds; a correct claim gets real
// tokens from cognito-local. Every other call is passed through to cognito-local unchanged.
import { randomUUID } from 'node:crypto';
import { findUser, forwarder, listenAsCognito } from '../../scripts/passwordless-local.mjs';
import { srpChallenge, srpClaimHolds } from '../../scripts/srp-verifier.mjs';

/**
 * Starts the server on 127.0.0.1:`port`; `seen` lists the AuthFlow / challenge of each call,
 * `srpA` every SRP_A received, in order.
 */
export function startSrpServer({ port, cognitoEndpoint, dbDir }) {
  const sessions = new Map();
  const seen = [];
  const srpA = [];
  const forward = forwarder(cognitoEndpoint);
  const handle = async (target, body) => {
    const request = JSON.parse(body || '{}');
    if (target.endsWith('.InitiateAuth') && request.AuthFlow === 'USER_SRP_AUTH') {
      seen.push('USER_SRP_AUTH');
      srpA.push(request.AuthParameters.SRP_A);
      const found = findUser(dbDir, request.AuthParameters.USERNAME);
      if (!found) return { status: 400, text: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) };
      const { parameters, state } = srpChallenge({ poolName: found.poolId.split('_')[1], username: found.user.Username,
        password: found.user.Password, bigAHex: request.AuthParameters.SRP_A });
      const session = randomUUID();
      sessions.set(session, { ...state, user: found.user });
      return { status: 200, text: JSON.stringify({
        ChallengeName: 'PASSWORD_VERIFIER', Session: session,
        ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: found.user.Username, USERNAME: found.user.Username },
      }) };
    }
    if (target.endsWith('.RespondToAuthChallenge') && request.ChallengeName === 'PASSWORD_VERIFIER') {
      seen.push('PASSWORD_VERIFIER');
      const state = sessions.get(request.Session);
      sessions.delete(request.Session);
      if (!state || !srpClaimHolds(state, request.ChallengeResponses)) {
        if (state) seen.push('rejected');
        return { status: 400, text: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) };
      }
      seen.push('verified');
      return forward('AWSCognitoIdentityProviderService.InitiateAuth', JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH', ClientId: request.ClientId,
        AuthParameters: { USERNAME: state.user.Username, PASSWORD: state.user.Password },
      }));
    }
    return forward(target, body);
  };
  return listenAsCognito(port, handle, seen).then((server) => Object.assign(server, { srpA }));
}
