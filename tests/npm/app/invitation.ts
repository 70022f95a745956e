// Example: accepting an invitation from its link. The person chooses their own password (and
// fills in any details the pool requires); the link's temporary password never shows.
import init, { checkPassword, readLink, type ResetConfig, type ResetError } from 'cognito-reset-link';
import initPassword, { acceptInvitation } from 'cognito-reset-link/password';

await Promise.all([init(), initPassword()]);
const config: ResetConfig = await (await fetch('config.json')).json();
const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
const say = (words: string) => { $('status').textContent = words; };

const link = readLink(config, location.href, 'invitation');
if (link.found) history.replaceState(null, '', location.pathname);
$('account').textContent = link.account ?? '';
if (link.age.verdict === 'expired') say('This invitation has expired. Ask the person who invited you for a new one.');

/** The details the pool asked for, by attribute name. */
const details: Record<string, string> = {};

$('choose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const check = checkPassword(config.passwordPolicy, $('password').value, $('confirm').value, config.language);
  const unmet = check.rules.find((rule) => !rule.met);
  if (unmet) return say(unmet.text);
  for (const name of Object.keys(details)) details[name] = $(`detail-${name}`).value;
  try {
    const result = await acceptInvitation(config, link.username ?? '', link.temporaryPassword ?? '', $('password').value, link.account ?? '', details);
    if (result.status === 'needDetails') {
      for (const name of result.details) {
        const label = Object.assign(document.createElement('label'), { htmlFor: `detail-${name}`, textContent: name });
        const box = Object.assign(document.createElement('input'), { id: `detail-${name}` });
        $('details').append(label, box);
        details[name] = '';
      }
    }
    say(result.status === 'signedIn' ? `Signed in as ${result.session.username}.` : result.userMessage);
  } catch (error) {
    say((error as ResetError).userMessage);
  }
});
document.body.dataset.ready = '';
