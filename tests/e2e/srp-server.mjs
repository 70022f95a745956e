// A Cognito stand-in for SRP sign-in, for the browser tests. cognito-local has no
// USER_SRP_AUTH, and moto accepts any signature, so neither can prove an SRP client right.
// This server answers USER_SRP_AUTH and PASSWORD_VERIFIER itself, with its own SRP code (Node's
// BigInt and crypto, independent of the Rust client), checking the claim against the password
// cognito-local holds; a correct claim gets real tokens from cognito-local. Every other call
// is passed through to cognito-local unchanged.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { findUser, forwarder, listenAsCognito } from '../../scripts/passwordless-local.mjs';

const N = BigInt(`0x${[
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD',
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED',
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F',
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B',
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510',
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7',
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C',
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
].join('')}`);
const g = 2n;

/** Bytes of a non-negative BigInt, with a zero byte in front when the top bit is set. */
function padded(value) {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return Buffer.from(hex, 'hex');
}
const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const toBig = (buffer) => BigInt(`0x${buffer.toString('hex') || '0'}`);
function modPow(base, exponent, modulus) {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}
const k = toBig(sha256(padded(N), padded(g)));

/** Starts the server on 127.0.0.1:`port`; `seen` lists the AuthFlow / challenge of each call. */
export function startSrpServer({ port, cognitoEndpoint, dbDir }) {
  const sessions = new Map();
  const seen = [];
  const forward = forwarder(cognitoEndpoint);
  const handle = async (target, body) => {
    const request = JSON.parse(body || '{}');
    if (target.endsWith('.InitiateAuth') && request.AuthFlow === 'USER_SRP_AUTH') {
      seen.push('USER_SRP_AUTH');
      const found = findUser(dbDir, request.AuthParameters.USERNAME);
      if (!found) return { status: 400, text: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) };
      const poolName = found.poolId.split('_')[1];
      const salt = toBig(randomBytes(16));
      const x = toBig(sha256(padded(salt), sha256(Buffer.from(`${poolName}${found.user.Username}:${found.user.Password}`))));
      const v = modPow(g, x, N);
      const b = toBig(randomBytes(64));
      const B = (k * v + modPow(g, b, N)) % N;
      const secretBlock = randomBytes(48).toString('base64');
      const session = randomUUID();
      sessions.set(session, { A: BigInt(`0x${request.AuthParameters.SRP_A}`), b, B, v, poolName, user: found.user, secretBlock });
      return { status: 200, text: JSON.stringify({
        ChallengeName: 'PASSWORD_VERIFIER', Session: session,
        ChallengeParameters: { SALT: salt.toString(16), SRP_B: B.toString(16), SECRET_BLOCK: secretBlock,
          USER_ID_FOR_SRP: found.user.Username, USERNAME: found.user.Username },
      }) };
    }
    if (target.endsWith('.RespondToAuthChallenge') && request.ChallengeName === 'PASSWORD_VERIFIER') {
      seen.push('PASSWORD_VERIFIER');
      const state = sessions.get(request.Session);
      sessions.delete(request.Session);
      const answer = request.ChallengeResponses ?? {};
      const refuse = { status: 400, text: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) };
      if (!state || answer.PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock) return refuse;
      const u = toBig(sha256(padded(state.A), padded(state.B)));
      const S = modPow((state.A * modPow(state.v, u, N)) % N, state.b, N);
      const prk = createHmac('sha256', padded(u)).update(padded(S)).digest();
      const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
      const expected = createHmac('sha256', key).update(Buffer.concat([Buffer.from(state.poolName), Buffer.from(state.user.Username),
        Buffer.from(state.secretBlock, 'base64'), Buffer.from(answer.TIMESTAMP ?? '')])).digest('base64');
      if (expected !== answer.PASSWORD_CLAIM_SIGNATURE) {
        seen.push('rejected');
        return refuse;
      }
      seen.push('verified');
      return forward('AWSCognitoIdentityProviderService.InitiateAuth', JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH', ClientId: request.ClientId,
        AuthParameters: { USERNAME: state.user.Username, PASSWORD: state.user.Password },
      }));
    }
    return forward(target, body);
  };
  return listenAsCognito(port, handle, seen);
}
