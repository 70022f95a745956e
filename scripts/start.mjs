// `npm start`: the local demo. Starts cognito-local, the trigger and the pages, prints the
// address, the demo users, and every reset link the "email" carries. Ctrl-C stops all three.
import { linksIn, startStack } from './local.mjs';

const port = (name, fallback) => Number(process.env[name] ?? fallback);
const verbose = process.argv.includes('--verbose');

console.log('start: starting cognito-local, the trigger (first start compiles it) and the pages…');
const stack = await startStack({
  name: 'demo',
  cognitoPort: port('COGNITO_PORT', 9229),
  lambdaPort: port('LAMBDA_PORT', 9000),
  pagePort: port('PAGE_PORT', 8080),
  onOutput: (line, source) => { if (verbose) console.log(`[${source}] ${line}`); },
});

console.log(`
  Forgot-password page:  ${stack.pageOrigin}/index.html

  Demo users (email / current password):
${stack.users.map((u) => `    ${u.email}  /  ${u.password}`).join('\n')}

  Type one of these emails on the page. The reset email is not sent anywhere: its link is
  printed here. Ctrl-C stops everything.
`);

let seen = 0;
const shown = new Set();
setInterval(() => {
  const output = stack.output();
  if (output.length === seen) return;
  seen = output.length;
  // One email per ForgotPassword: show each link once.
  const links = [...linksIn(output, stack.pageUrl).map((link) => ['Reset link', link]),
    ...linksIn(output, `${stack.pageOrigin}/confirm.html`).map((link) => ['Sign-up confirmation link', link])];
  for (const [kind, link] of links) {
    if (shown.has(link)) continue;
    shown.add(link);
    console.log(`  Email sent. ${kind}:\n    ${link}\n`);
  }
}, 300);
