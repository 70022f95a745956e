// `npm start`: the local demo. Starts cognito-local, the trigger and the pages, invites one
// person, prints the address, the demo users, and every link the "emails" carry. After a
// reset, an invitation or a sign-in by link the person lands signed in on a demo app page.
// Ctrl-C stops all.
import { DEMO_INVITED, DEMO_SETTINGS, DEMO_STACK, cognito, linksIn, startStack } from './local.mjs';

const port = (name, fallback) => Number(process.env[name] ?? fallback);
const verbose = process.argv.includes('--verbose');

console.log('start: starting cognito-local, the trigger (first start compiles it) and the pages…');
const stack = await startStack({
  name: 'demo',
  cognitoPort: port('COGNITO_PORT', 9229),
  lambdaPort: port('LAMBDA_PORT', 9000),
  pagePort: port('PAGE_PORT', 8080),
  // The sign-in stand-in, in front of cognito-local: the pages' endpoint.
  signInPort: port('SIGN_IN_PORT', port('PAGE_PORT', 8080) + 1),
  ...DEMO_STACK,
  onOutput: (line, source) => { if (verbose) console.log(`[${source}] ${line}`); },
});

stack.configure(DEMO_SETTINGS);
const invited = await cognito(stack.endpoint, 'AdminCreateUser', {
  UserPoolId: stack.config.userPoolId, Username: DEMO_INVITED, DesiredDeliveryMediums: ['EMAIL'],
  UserAttributes: [{ Name: 'email', Value: DEMO_INVITED }, { Name: 'email_verified', Value: 'true' }],
});
if (invited.status !== 200) console.log(`start: could not invite ${DEMO_INVITED}: ${invited.message}`);

console.log(`
  Forgot-password page:  ${stack.pageOrigin}/index.html
  Sign-in page (sign in by emailed link):  ${stack.pageOrigin}/sign-in.html
  Demo app (signed in after a reset, an invitation or a sign-in link):  ${stack.pageOrigin}/local/app.html

  Demo users (email / current password):
${stack.users.map((u) => `    ${u.email}  /  ${u.password}`).join('\n')}

  Type one of these emails on either page. No email is sent anywhere: each link is printed
  here (open a sign-in link in the browser that asked for it). ${DEMO_INVITED} was invited
  by an administrator: open its invitation link below to choose a password. Ctrl-C stops
  everything.
`);

let seen = 0;
const shown = new Set();
setInterval(() => {
  const output = stack.output();
  if (output.length === seen) return;
  seen = output.length;
  // One email per request: show each link once.
  const links = [...linksIn(output, stack.pageUrl).map((link) => ['Reset link', link]),
    ...linksIn(output, `${stack.pageOrigin}/confirm.html`).map((link) => ['Sign-up confirmation link', link]),
    ...linksIn(output, `${stack.pageOrigin}/welcome.html`).map((link) => ['Invitation link', link]),
    ...linksIn(output, `${stack.pageOrigin}/verify.html`).map((link) => ['Address-change link', link]),
    ...linksIn(output, `${stack.pageOrigin}/sign-in.html`).map((link) => ['Sign-in link', link])];
  for (const [kind, link] of links) {
    if (shown.has(link)) continue;
    shown.add(link);
    console.log(`  Email sent. ${kind}:\n    ${link}\n`);
  }
}, 300);
