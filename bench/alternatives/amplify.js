// Amplify v6 doing the reset page's job: resetPassword + confirmResetPassword.
import { Amplify } from 'aws-amplify';
import { confirmResetPassword, resetPassword } from 'aws-amplify/auth';

Amplify.configure({ Auth: { Cognito: { userPoolId: 'eu-west-1_Bench1', userPoolClientId: 'benchclient' } } });
window.resetPassword = (username, code, password) => confirmResetPassword({ username, confirmationCode: code, newPassword: password });
window.forgotPassword = (username) => resetPassword({ username });
document.body.dataset.ready = '';
