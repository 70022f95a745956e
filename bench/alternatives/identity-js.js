// amazon-cognito-identity-js doing the reset page's job: forgotPassword + confirmPassword.
import { CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';

const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_Bench1', ClientId: 'benchclient' });
window.resetPassword = (username, code, password) => new Promise((resolve, reject) => {
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.confirmPassword(code, password, { onSuccess: resolve, onFailure: reject });
});
window.forgotPassword = (username) => new Promise((resolve, reject) => {
  new CognitoUser({ Username: username, Pool: pool }).forgotPassword({ onSuccess: resolve, onFailure: reject });
});
document.body.dataset.ready = '';
