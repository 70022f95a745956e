// Example: the reset flow on an app's own page. Without a link, the person asks for one;
// with one, they choose a new password and are signed in. The password module (SRP) loads
// while they type, so an app that never signs in never downloads it.
import init, { checkPassword, confirmForgotPassword, forgotPassword, readLink, type ResetConfig, type ResetError } from 'cognito-reset-link';

await init();
const config: ResetConfig = await (await fetch('config.json')).json();
const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
const say = (words: string) => { $('status').textContent = words; };

const link = readLink(config, location.href, 'reset');
// The code leaves the address bar (and this history entry) before anything else.
if (link.found) history.replaceState(null, '', location.pathname);
$('ask').hidden = link.code !== null;
$('choose').hidden = link.code === null;
$('account').textContent = link.account ?? '';
if (link.age.verdict === 'expired') say('This link has expired. Ask for a new one below.');

$('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await forgotPassword(config, $('email').value);
    say('If that account exists, we have emailed it a link.');
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});

// Loaded while the person types: the sign-in after the reset, its SRP values made ahead.
const password = import('cognito-reset-link/password').then(async (module) => {
  await module.default();
  module.prepareSignIn(config);
  return module;
});

$('choose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const check = checkPassword(config.passwordPolicy, $('password').value, $('confirm').value, config.language);
  const unmet = check.rules.find((rule) => !rule.met);
  if (unmet) return say(unmet.text);
  try {
    await confirmForgotPassword(config, link.username ?? '', link.code ?? '', $('password').value);
    const { signIn } = await password;
    const session = await signIn(config, link.username ?? '', $('password').value, link.account ?? '');
    say(`Signed in as ${session.username}.`);
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});
document.body.dataset.ready = '';
