// Amplify v6 with sign-in after the reset, as the kit does.
import { Amplify } from 'aws-amplify';
import { confirmResetPassword, resetPassword, signIn } from 'aws-amplify/auth';

Amplify.configure({ Auth: { Cognito: { userPoolId: 'eu-west-1_Bench1', userPoolClientId: 'benchclient' } } });
window.resetPassword = async (username, code, password) => {
  await confirmResetPassword({ username, confirmationCode: code, newPassword: password });
  return signIn({ username, password });
};
window.forgotPassword = (username) => resetPassword({ username });
document.body.dataset.ready = '';
