// The reset page on amazon-cognito-identity-js: confirmPassword, then authenticateUser (SRP).
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { startPage } from './page.mjs';

const user = (config, Username) => new CognitoUser({ Username, Pool: new CognitoUserPool({ UserPoolId: config.userPoolId, ClientId: config.clientId, endpoint: config.endpoint }) });
startPage({
  confirm: (config, username, code, password) => new Promise((resolve, reject) => {
    user(config, username).confirmPassword(code, password, { onSuccess: resolve, onFailure: reject });
  }),
  signIn: (config, Username, Password) => new Promise((resolve, reject) => {
    user(config, Username).authenticateUser(new AuthenticationDetails({ Username, Password }), { onSuccess: resolve, onFailure: reject });
  }),
});
