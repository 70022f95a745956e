// The reset page as a team would write it in plain JavaScript around a Cognito library: the
// same HTML and CSS as the kit's reset-password.html, the same config.json, the link read
// from the fragment and scrubbed, the live policy checklist, and on submit the library's
// ConfirmForgotPassword (then its sign-in where the kit signs in). Each peer passes its
// library's calls; the page marks <body data-ready> when the form works, as the kit does.

const RULES = [
  ['minimumLength', (p, n) => p.length >= n, (n) => `At least ${n} characters`],
  ['requireUppercase', (p) => /[A-Z]/.test(p), () => 'An uppercase letter (A-Z)'],
  ['requireLowercase', (p) => /[a-z]/.test(p), () => 'A lowercase letter (a-z)'],
  ['requireNumbers', (p) => /[0-9]/.test(p), () => 'A number (0-9)'],
  ['requireSymbols', (p) => /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(p), () => 'A symbol, such as ! ? # - or _'],
];

/** Wires the page around `calls`: `{ confirm(config, username, code, password), signIn? }`. */
export async function startPage(calls) {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('confirmation_code');
  const username = params.get('user_name');
  if (code || username) history.replaceState(null, '', location.pathname);
  if (username) {
    $('username').value = params.get('email') ?? username;
    $('username').readOnly = true;
  }
  const config = await (await fetch('www/config.json', { cache: 'no-store' })).json();
  const policy = { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true,
    ...config.passwordPolicy };
  const rules = RULES.filter(([key]) => policy[key]).map(([key, test, text]) => {
    const line = document.createElement('li');
    line.textContent = text(policy[key]);
    $('rules').append(line);
    return { line, test: (p) => test(p, policy[key]) };
  });
  const match = document.createElement('li');
  match.textContent = 'Both passwords match';
  $('rules').append(match);
  const check = () => {
    const password = $('password').value;
    for (const rule of rules) rule.line.classList.toggle('met', rule.test(password));
    match.classList.toggle('met', password !== '' && password === $('confirm').value);
    return rules.every((rule) => rule.test(password)) && password === $('confirm').value;
  };
  $('password').addEventListener('input', check);
  $('confirm').addEventListener('input', check);
  $('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!check()) return;
    const status = $('status');
    status.textContent = 'Changing your password…';
    try {
      await calls.confirm(config, username, code, $('password').value);
      if (calls.signIn && config.signIn !== 'none') await calls.signIn(config, username, $('password').value).catch(() => {});
      status.textContent = 'Your password has been changed.';
    } catch (error) {
      status.textContent = `That did not work: ${error.name ?? error}`;
    }
  });
  $('submit').disabled = false;
  document.body.dataset.ready = '';
}
