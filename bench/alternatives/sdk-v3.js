// AWS SDK v3's Cognito client doing the reset page's job.
import { CognitoIdentityProviderClient, ConfirmForgotPasswordCommand, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';

const client = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
window.resetPassword = (Username, ConfirmationCode, Password) =>
  client.send(new ConfirmForgotPasswordCommand({ ClientId: 'benchclient', Username, ConfirmationCode, Password }));
window.forgotPassword = (Username) => client.send(new ForgotPasswordCommand({ ClientId: 'benchclient', Username }));
document.body.dataset.ready = '';
