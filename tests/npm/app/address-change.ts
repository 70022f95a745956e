// Example: confirming a changed email address from its link, with the session the app keeps
// (here Amplify's, in localStorage: `session: "amplify"`). Without that person's session on
// this browser, the code is shown to type in the app where they are signed in.
import init, { askAddressCode, confirmAddressChange, readLink, type ResetConfig, type ResetError } from 'cognito-reset-link';

await init();
const config: ResetConfig = { ...(await (await fetch('config.json')).json()), session: 'amplify' };
const $ = (id: string) => document.getElementById(id) as HTMLButtonElement;
const say = (words: string) => { $('status').textContent = words; };

const link = readLink(config, location.href, 'addressChange');
if (link.found) history.replaceState(null, '', location.pathname);
$('address').textContent = link.email ?? '';

$('confirm').addEventListener('click', async () => {
  try {
    await confirmAddressChange(config, link.username ?? '', link.attribute ?? 'email', link.code ?? '');
    say('Your new address is confirmed.');
  } catch (error) {
    const failure = error as ResetError;
    say(failure.code === 'NoSession' ? `${failure.userMessage} ${link.code ?? ''}` : failure.userMessage);
    $('resend').hidden = failure.code === 'NoSession';
  }
});

$('resend').addEventListener('click', async () => {
  try {
    await askAddressCode(config, link.username ?? '', link.attribute ?? 'email');
    say('We have sent you a new link.');
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});
document.body.dataset.ready = '';
