// The floor: the two calls written by hand with fetch, no checks, no words, no retries.
const endpoint = 'https://cognito-idp.eu-west-1.amazonaws.com/';
async function call(operation, body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const reply = await response.json();
  if (!response.ok) throw new Error(reply.__type);
  return reply;
}
window.forgotPassword = (Username) => call('ForgotPassword', { ClientId: 'benchclient', Username });
window.resetPassword = (Username, ConfirmationCode, Password) =>
  call('ConfirmForgotPassword', { ClientId: 'benchclient', Username, ConfirmationCode, Password });
document.body.dataset.ready = '';
