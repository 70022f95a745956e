// amazon-cognito-identity-js's SRP step (A, then the password key), for the compute benchmark.
import AuthenticationHelper from 'amazon-cognito-identity-js/es/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/es/BigInteger';

window.srpJs = (pool, user, password, b, salt) => new Promise((resolve, reject) => {
  const helper = new AuthenticationHelper(pool);
  helper.getLargeAValue((error) => {
    if (error) return reject(error);
    return helper.getPasswordAuthenticationKey(user, password, new BigInteger(b, 16), new BigInteger(salt, 16),
      (err, key) => (err ? reject(err) : resolve(key)));
  });
});
document.body.dataset.ready = '';
