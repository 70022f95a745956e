// A deploy onto a pool the team already has: the dry run reads the pool and its app client
// (from the fake `aws`, tests/deploy/fake-aws.mjs) and shows, or refuses before anything is
// created, what the deploy would do: the pool's region, another CustomMessage trigger
// (refused, --replace, --no-attach, and detach putting it back), a client without
// PreventUserExistenceErrors, the email sender, a trigger-only deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';
import { fakeAws } from './fake-aws-run.mjs';

const { run, configFile } = fakeAws('existing-pool');
const POOL_ID = 'eu-west-1_Acme1';
const CLIENT_ID = 'acmeclient';
const THEIRS = 'arn:aws:lambda:eu-west-1:111122223333:function:acme-custom-message';
const OURS = 'arn:aws:lambda:eu-west-1:111122223333:function:kit-Trigger-AbC123';
const GOOD_CLIENT = { ClientId: CLIENT_ID, UserPoolId: POOL_ID, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED' };
const CONFIG = configFile({ passwordPolicy: { minimumLength: 8 } });

/** The pool as describe-user-pool prints it, with `lambda` as its LambdaConfig. */
const pool = (lambda = {}, email = { EmailSendingAccount: 'COGNITO_DEFAULT' }) => JSON.stringify({ Id: POOL_ID, LambdaConfig: lambda, EmailConfiguration: email });

/** A dry run of the deploy onto the existing pool, the fake answering for `lambda` and `client`. */
function deploy(extra = [], { lambda, client = GOOD_CLIENT, email, env = {} } = {}) {
  return run('deploy.mjs', ['--dry-run', '--no-build', '--stack', 'kit', '--config', CONFIG,
    '--existing-pool', POOL_ID, '--existing-client', CLIENT_ID, ...extra],
  { FAKE_AWS_POOL: pool(lambda, email), FAKE_AWS_CLIENT: JSON.stringify(client), ...env });
}

const shown = (out) => out.split('\n').filter((l) => l.startsWith('would run: ')).map((l) => l.slice('would run: '.length));
const stackCall = (out) => shown(out).find((c) => c.startsWith('aws cloudformation deploy'));
const reads = (calls) => calls.map((c) => c.slice(0, 2).join(' '));

test("the region is the pool's: another --region or AWS_REGION is refused before any call", () => {
  const asked = deploy(['--region', 'us-east-1']);
  assert.equal(asked.status, 2, asked.stdout);
  assert.match(asked.stderr, /the pool eu-west-1_Acme1 is in eu-west-1, but --region says us-east-1\. The trigger and its permission must be in the pool's region/);
  assert.deepEqual(asked.calls, []);
  const env = deploy([], { env: { AWS_REGION: 'us-east-1' } });
  assert.equal(env.status, 2);
  assert.match(env.stderr, /but AWS_REGION says us-east-1.*drop AWS_REGION for this command or set it to eu-west-1/);
  const fine = deploy([], { env: { AWS_DEFAULT_REGION: 'eu-west-1' } });
  assert.equal(fine.status, 0, fine.stderr);
  assert.ok(shown(fine.stdout).filter((c) => c.startsWith('aws ')).every((c) => c.endsWith('--region eu-west-1')));
  assert.deepEqual(reads(fine.calls), ['cognito-idp describe-user-pool', 'cognito-idp describe-user-pool-client'], 'a dry run only reads');
});

test('another CustomMessage trigger is named and kept unless --replace; --no-attach leaves the pool alone', () => {
  const refused = deploy([], { lambda: { CustomMessage: THEIRS } });
  assert.equal(refused.status, 2);
  assert.match(refused.stdout, new RegExp(`The pool's CustomMessage trigger now: ${THEIRS}`));
  assert.match(refused.stderr, /already has a CustomMessage trigger: .*acme-custom-message\. .*Pass --replace .*npm run detach.* or --no-attach/);
  assert.deepEqual(shown(refused.stdout), [], 'nothing built or created');

  const replaced = deploy(['--replace'], { lambda: { CustomMessage: THEIRS, PreSignUp: 'arn:x' } });
  assert.equal(replaced.status, 0, replaced.stderr);
  assert.match(stackCall(replaced.stdout), new RegExp(`PreviousCustomMessage=${THEIRS}`), 'recorded for detach');
  assert.match(replaced.stdout, new RegExp(`would run: python deploy/attach_trigger.py --user-pool-id ${POOL_ID} --lambda-arn \\S+kit-Trigger-\\S+:live --only-if-current ${THEIRS}`),
    'attached to the alias "live", so a deploy can be rolled back');

  const again = deploy([], { lambda: { CustomMessage: `${OURS}:live` } });
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(stackCall(again.stdout), /PreviousCustomMessage/, 'a redeploy keeps what the first attach recorded');

  const none = deploy([], { lambda: {} });
  assert.match(stackCall(none.stdout), /PreviousCustomMessage= /);
  assert.match(none.stdout, /--only-if-current ""/);

  const own = deploy(['--no-attach'], { lambda: { CustomMessage: THEIRS } });
  assert.equal(own.status, 0, own.stderr);
  assert.doesNotMatch(own.stdout, /attach_trigger\.py/);
  assert.match(own.stdout, /--no-attach: the pool was not changed\. Set its LambdaConfig\.CustomMessage to this function in your own infrastructure:\n {2}arn:aws:lambda:eu-west-1:123456789012:function:kit-Trigger-EXAMPLE/);
});

test('detach puts back the trigger that was there, and only while the pool still has this stack\'s', () => {
  const stack = (previous) => JSON.stringify({ Parameters: [{ ParameterKey: 'ExistingUserPoolId', ParameterValue: POOL_ID }],
    Outputs: [{ OutputKey: 'TriggerArn', OutputValue: OURS }, ...(previous ? [{ OutputKey: 'PreviousCustomMessage', OutputValue: previous }] : [])] });
  const detach = (lambda, previous) => run('detach.mjs', ['--dry-run', '--stack', 'kit', '--region', 'eu-west-1'],
    { FAKE_AWS_STACK: stack(previous), FAKE_AWS_POOL: pool(lambda) });
  const restore = detach({ CustomMessage: OURS }, THEIRS);
  assert.equal(restore.status, 0, restore.stderr);
  assert.match(restore.stdout, new RegExp(`would run: python deploy/attach_trigger.py --user-pool-id ${POOL_ID} --lambda-arn ${THEIRS} --only-if-current ${OURS}`));
  assert.match(restore.stdout, /The stack may now be deleted: aws cloudformation delete-stack --stack-name kit --region eu-west-1/);
  assert.deepEqual(reads(restore.calls), ['cloudformation describe-stacks', 'cognito-idp describe-user-pool']);
  const toNone = detach({ CustomMessage: OURS }, '');
  assert.match(toNone.stdout, /--lambda-arn "" --only-if-current/);
  const changed = detach({ CustomMessage: THEIRS }, THEIRS);
  assert.equal(changed.status, 0);
  assert.doesNotMatch(changed.stdout, /attach_trigger/);
  assert.match(changed.stdout, /not this stack's trigger .*nothing to restore/);
});

test('an app client without PreventUserExistenceErrors or SRP is refused, and fixed only with --fix-client; a secret always refused', () => {
  const legacy = { ...GOOD_CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], PreventUserExistenceErrors: 'LEGACY' };
  const refused = deploy([], { client: legacy });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /does not allow ALLOW_USER_SRP_AUTH/);
  assert.match(refused.stderr, /does not have PreventUserExistenceErrors ENABLED: the forgot page's answer would tell anyone whether an account exists/);
  assert.match(refused.stderr, /Pass --fix-client/);
  const fixed = deploy(['--fix-client'], { client: legacy });
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stdout, new RegExp(`would run: python deploy/fix_client.py --user-pool-id ${POOL_ID} --client-id ${CLIENT_ID} --flow ALLOW_USER_SRP_AUTH`));
  const secret = deploy(['--fix-client'], { client: { ...GOOD_CLIENT, ClientSecret: 'x' } });
  assert.equal(secret.status, 2);
  assert.match(secret.stderr, /has a secret.*Create an app client without a secret/);
  assert.doesNotMatch(deploy([]).stdout, /fix_client/, 'a suitable client is left alone');
});

test("the email sender: Cognito's own said loudly; SES set for an existing pool with the attach, for a new one by the template", () => {
  assert.match(deploy([]).stdout, /!!! Email: the pool sends through Cognito's own sender \(EmailSendingAccount COGNITO_DEFAULT\)/);
  const ses = 'arn:aws:ses:eu-west-1:111122223333:identity/acme.example';
  const existing = deploy(['--ses-source-arn', ses, '--ses-from', 'Acme <no-reply@acme.example>']);
  assert.equal(existing.status, 0, existing.stderr);
  assert.match(existing.stdout, new RegExp(`attach_trigger.py .* --ses-source-arn ${ses} --ses-from "Acme <no-reply@acme.example>"`));
  assert.doesNotMatch(existing.stdout, /!!!/);
  const fresh = run('deploy.mjs', ['--dry-run', '--no-build', '--config', CONFIG, '--ses-source-arn', ses]);
  assert.match(stackCall(fresh.stdout), new RegExp(`SesSourceArn=${ses} `));
  assert.doesNotMatch(deploy([], { email: { EmailSendingAccount: 'DEVELOPER', SourceArn: ses } }).stdout, /!!!/);
});

test("the trigger's settings: pages elsewhere (no bucket, no distribution), link style, language, message sources", () => {
  const out = deploy(['--pages-url', 'https://www.acme.example/account', '--link-style', 'query', '--default-language', 'de', '--rewrite', 'reset,invitation']);
  assert.equal(out.status, 0, out.stderr);
  const call = stackCall(out.stdout);
  assert.match(call, /PagesAddress=https:\/\/www\.acme\.example\/account\/ LinkStyle=query DefaultLanguage=de MessageSources=reset,invitation/);
  assert.ok(!shown(out.stdout).some((c) => /put-object --bucket kit-pagesbucket|cloudfront/.test(c)), 'no pages uploaded, nothing invalidated');
  assert.match(out.stdout, /The trigger links to https:\/\/www\.acme\.example\/account\/reset-password\.html; no pages were uploaded/);
  const bad = deploy(['--rewrite', 'reset,signup']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--rewrite lists message sources among reset, sign-up, invitation, address-change; not signup/);
  assert.equal(deploy(['--pages-url', 'http://www.acme.example/']).status, 2);
});

test("README's deploy section names every option of the deploy and the lines its dry run prints", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deploy to AWS'), readme.indexOf('## Other static hosts')).replace(/\s+/g, ' ');
  const script = readFileSync(join(ROOT, 'scripts', 'deploy.mjs'), 'utf8');
  const parsed = script.slice(script.indexOf('parseArgs({'), script.indexOf('const dryRun'));
  const named = [...parsed.matchAll(/^ {4}'?([a-z-]+)'?: \{ type/gm)].map((m) => m[1]).filter((o) => !['config', 'dry-run', 'domain', 'certificate-arn', 'hsts-include-subdomains'].includes(o));
  for (const option of named) assert.ok(section.includes(`--${option}`), `README's deploy section explains --${option}`);
  const out = deploy(['--replace', '--fix-client'], { lambda: { CustomMessage: THEIRS }, client: { ...GOOD_CLIENT, PreventUserExistenceErrors: 'LEGACY' } }).stdout;
  for (const line of ['reading: aws cognito-idp describe-user-pool', "The pool's CustomMessage trigger now: arn:", '!!! Email:', 'python deploy/fix_client.py']) {
    assert.ok(out.includes(line), `the dry run prints ${line}`);
    assert.ok(section.includes(line.replace('python deploy/', 'deploy/')), `README quotes ${line}`);
  }
});
