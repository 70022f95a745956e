// Example: signing in by emailed link. The person asks with their email; the link opens this
// page in the same browser, and one press signs them in. Opened anywhere else, the page shows
// the code to type where they asked. The pending sign-in is kept in localStorage
// (`session: "amplify"`), so the link also works in a new tab.
import init, { askSignInLink, finishSignInFromLink, finishSignInWithCode, readLink, type ResetConfig, type ResetError } from 'cognito-reset-link';

await init();
const config: ResetConfig = { ...(await (await fetch('config.json')).json()), session: 'amplify' };
const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
const say = (words: string) => { $('status').textContent = words; };

const address = location.href;
const link = readLink(config, address, 'signIn');
if (link.found) history.replaceState(null, '', location.pathname);
$('ask').hidden = link.signInCode !== null;
$('finish').hidden = link.signInCode === null;

/** Shows the outcome of a finishing call. */
async function finishing(call: Promise<{ username: string }>) {
  try {
    say(`Signed in as ${(await call).username}.`);
  } catch (error) {
    const failure = error as ResetError;
    say(failure.signInCode ? `${failure.userMessage} ${failure.signInCode}` : failure.userMessage);
  }
}

$('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await askSignInLink(config, $('email').value);
    say('Check your email for a sign-in link, or type its code here.');
    $('typed').hidden = false;
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});
$('finish').addEventListener('click', () => finishing(finishSignInFromLink(config, address)));
$('typed').addEventListener('submit', (event) => {
  event.preventDefault();
  return finishing(finishSignInWithCode(config, $('code').value));
});
document.body.dataset.ready = '';
