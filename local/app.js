// The demo app of `npm start` (local only): shows whom the stored session signs in, the way
// an app using Amplify or amazon-cognito-identity-js finds it, and signs out.
const PREFIX = 'CognitoIdentityServiceProvider.';

/** The claims of a JWT's payload (not verified: this only greets the person). */
function claims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

async function show() {
  const who = document.getElementById('who');
  const signOut = document.getElementById('sign-out');
  const config = await (await fetch('/www/config.json', { cache: 'no-store' })).json();
  const base = `${PREFIX}${config.clientId}`;
  const user = localStorage.getItem(`${base}.LastAuthUser`);
  const idToken = user && localStorage.getItem(`${base}.${user}.idToken`);
  if (!idToken) {
    who.textContent = 'Not signed in.';
    return;
  }
  const { email, exp } = claims(idToken);
  // With the date: cognito-local's tokens last a day, so a time alone reads as already past.
  const expiry = new Date(exp * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  who.textContent = `Signed in as ${email ?? user}. The session's ID token is valid until ${expiry}.`;
  signOut.hidden = false;
  signOut.addEventListener('click', () => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith(`${base}.`))) localStorage.removeItem(key);
    who.textContent = 'Signed out.';
    signOut.hidden = true;
  });
}

show().catch(() => { document.getElementById('who').textContent = 'Could not read the session.'; });
