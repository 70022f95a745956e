// The floor: the reset page written by hand, its one call made with fetch.
import { startPage } from './page.mjs';

startPage({
  confirm: async (config, Username, ConfirmationCode, Password) => {
    const response = await fetch(config.endpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ConfirmForgotPassword' },
      body: JSON.stringify({ ClientId: config.clientId, Username, ConfirmationCode, Password }),
    });
    if (!response.ok) throw new Error((await response.json()).__type);
  },
});
