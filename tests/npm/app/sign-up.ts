// Example: confirming a sign-up from its link. Nothing is sent on load (mail scanners open
// links): the person's press confirms the account.
import init, { confirmSignUp, readLink, resendSignUpCode, type ResetConfig, type ResetError } from 'cognito-reset-link';

await init();
const config: ResetConfig = await (await fetch('config.json')).json();
const $ = (id: string) => document.getElementById(id) as HTMLButtonElement;
const say = (words: string) => { $('status').textContent = words; };

const link = readLink(config, location.href, 'signUp');
if (link.found) history.replaceState(null, '', location.pathname);
$('account').textContent = link.account ?? '';

$('confirm').addEventListener('click', async () => {
  try {
    const confirmed = await confirmSignUp(config, link.username ?? '', link.code ?? '');
    say(confirmed === 'confirmed' ? 'Your account is ready. You can sign in now.' : 'Your account was ready already. You can sign in.');
  } catch (error) {
    say((error as ResetError).userMessage);
    $('resend').hidden = false;
  }
});

$('resend').addEventListener('click', async () => {
  try {
    await resendSignUpCode(config, link.username ?? '');
    say('We have emailed you a new link.');
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});
document.body.dataset.ready = '';
