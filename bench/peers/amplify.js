// The reset page on Amplify v6: confirmResetPassword, then signIn (SRP).
import { Amplify } from 'aws-amplify';
import { confirmResetPassword, signIn } from 'aws-amplify/auth';
import { startPage } from './page.mjs';

startPage({
  confirm: (config, username, confirmationCode, newPassword) => {
    Amplify.configure({ Auth: { Cognito: { userPoolId: config.userPoolId, userPoolClientId: config.clientId, userPoolEndpoint: config.endpoint } } });
    return confirmResetPassword({ username, confirmationCode, newPassword });
  },
  signIn: (config, username, password) => signIn({ username, password }),
});
