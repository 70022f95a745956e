// Cognito's side of SRP (`USER_SRP_AUTH`, then `PASSWORD_VERIFIER`), for the local stand-ins
// that must prove an SRP client right: the browser tests' server (tests/e2e/srp-server.mjs)
// and the benchmark's (scripts/press-standin.mjs). Written on Node's BigInt and crypto,
// independent of the Rust client it checks. Local tests and benchmark only: never shipped.
import { createHash, createHmac, randomBytes } from 'node:crypto';

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

/**
 * Cognito's answer to `USER_SRP_AUTH` for `username` whose password is `password`, in the pool
 * whose id ends in `poolName`, given the client's `SRP_A` (hex). `parameters` are the
 * challenge's SALT, SRP_B and SECRET_BLOCK; `state` is what checking the claim needs later.
 */
export function srpChallenge({ poolName, username, password, bigAHex }) {
  const salt = toBig(randomBytes(16));
  const x = toBig(sha256(padded(salt), sha256(Buffer.from(`${poolName}${username}:${password}`))));
  const v = modPow(g, x, N);
  const b = toBig(randomBytes(64));
  const B = (k * v + modPow(g, b, N)) % N;
  const secretBlock = randomBytes(48).toString('base64');
  return {
    parameters: { SALT: salt.toString(16), SRP_B: B.toString(16), SECRET_BLOCK: secretBlock },
    state: { A: BigInt(`0x${bigAHex}`), b, B, v, poolName, username, secretBlock },
  };
}

/**
 * Whether the `PASSWORD_VERIFIER` answer `responses` (its ChallengeResponses) proves the
 * password of the challenge `state` came from: the secret block sent back, and the signature
 * under the key both sides derive from the shared secret.
 */
export function srpClaimHolds(state, responses = {}) {
  if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock) return false;
  const u = toBig(sha256(padded(state.A), padded(state.B)));
  const S = modPow((state.A * modPow(state.v, u, N)) % N, state.b, N);
  const prk = createHmac('sha256', padded(u)).update(padded(S)).digest();
  const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
  const expected = createHmac('sha256', key).update(Buffer.concat([Buffer.from(state.poolName), Buffer.from(state.username),
    Buffer.from(state.secretBlock, 'base64'), Buffer.from(responses.TIMESTAMP ?? '')])).digest('base64');
  return expected === responses.PASSWORD_CLAIM_SIGNATURE;
}
