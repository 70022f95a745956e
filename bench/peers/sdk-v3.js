// The reset page on AWS SDK v3's Cognito client: ConfirmForgotPasswordCommand (the SDK has no
// SRP, so it does not sign in).
import { CognitoIdentityProviderClient, ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startPage } from './page.mjs';

startPage({
  confirm: (config, Username, ConfirmationCode, Password) => {
    const client = new CognitoIdentityProviderClient({ region: config.region, endpoint: config.endpoint });
    return client.send(new ConfirmForgotPasswordCommand({ ClientId: config.clientId, Username, ConfirmationCode, Password }));
  },
});
