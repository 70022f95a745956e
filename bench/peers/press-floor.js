// The floor of the press: the three calls of a reset that signs in, alone. Their bodies are
// made beforehand (SRP_A and the claim are fixed strings: no SRP math), only the session and
// secret block of the challenge are copied in, and the tokens are stored as the libraries
// store them. It signs in with its own app client, whose claim the benchmark's Cognito does
// not require to hold (scripts/press-standin.mjs).
import { startPage } from './page.mjs';

const CLIENT = 'bench-floor';
const SRP_A = 'a'.repeat(768);
const SIGNATURE = `${'A'.repeat(43)}=`;

/** One Cognito call, sent as the libraries send it; resolves to the reply. */
async function call(config, name, body) {
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${name}` },
    body: JSON.stringify({ ClientId: CLIENT, ...body }),
  });
  const reply = await response.json();
  if (!response.ok) throw new Error(reply.__type);
  return reply;
}

startPage({
  confirm: (config, Username, ConfirmationCode, Password) => call(config, 'ConfirmForgotPassword', { Username, ConfirmationCode, Password }),
  signIn: async (config, USERNAME) => {
    const started = await call(config, 'InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME, SRP_A } });
    const { USERNAME: user, SECRET_BLOCK } = started.ChallengeParameters;
    const { AuthenticationResult: tokens } = await call(config, 'RespondToAuthChallenge', {
      ChallengeName: 'PASSWORD_VERIFIER', Session: started.Session,
      ChallengeResponses: { USERNAME: user, PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK, TIMESTAMP: 'Mon Nov 30 06:05:09 UTC 2026', PASSWORD_CLAIM_SIGNATURE: SIGNATURE },
    });
    const key = `CognitoIdentityServiceProvider.${CLIENT}`;
    localStorage.setItem(`${key}.${user}.idToken`, tokens.IdToken);
    localStorage.setItem(`${key}.${user}.accessToken`, tokens.AccessToken);
    localStorage.setItem(`${key}.${user}.refreshToken`, tokens.RefreshToken);
    localStorage.setItem(`${key}.LastAuthUser`, user);
  },
});
