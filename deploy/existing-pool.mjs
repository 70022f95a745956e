// What `npm run deploy` decides about a pool it did not create, from what
// `aws cognito-idp describe-user-pool` and `describe-user-pool-client` say: which region it is
// in, whether another CustomMessage trigger is there, whether the app client suits the pages,
// how the pool sends email. Pure functions: the deploy reads, these judge, and a refusal names
// what to change before anything is created.

/** Thrown when the deploy must stop before changing anything; the message says what to do. */
export class DeployRefused extends Error {}

/** The region of `poolId` (`eu-west-1_AbC123` is in eu-west-1), or null when it names none. */
export function poolRegion(poolId) {
  const match = /^([a-z]{2}(-[a-z]+)+-\d)_[0-9a-zA-Z]+$/.exec(poolId ?? '');
  return match ? match[1] : null;
}

/**
 * The region a deploy works in. For an existing pool, the pool's own: the trigger and its
 * invoke permission must sit beside it, so `--region` (`asked`) or AWS_REGION /
 * AWS_DEFAULT_REGION (`env`) naming another is refused rather than followed.
 */
export function deployRegion({ pool, asked, env = {} }) {
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
  if (!pool) return asked || fromEnv || 'eu-west-1';
  const region = poolRegion(pool);
  if (!region) throw new DeployRefused(`--existing-pool ${pool} is not a user pool id (such as eu-west-1_AbC123).`);
  const named = [['--region', asked], [env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION', fromEnv]];
  for (const [source, value] of named) {
    if (value && value !== region) {
      throw new DeployRefused(`the pool ${pool} is in ${region}, but ${source} says ${value}. The trigger and its permission `
        + `must be in the pool's region: drop ${source}${source === '--region' ? '' : ' for this command'} or set it to ${region}.`);
    }
  }
  return region;
}

/** Whether `arn` (a function, or one of its versions or aliases) is the trigger of `stack`:
 * CloudFormation names the function `<stack>-Trigger-<suffix>`. */
export function isStackTrigger(arn, stack) {
  const name = /:function:([^:]+)/.exec(arn ?? '')?.[1] ?? '';
  return name.startsWith(`${stack}-Trigger-`);
}

/**
 * What to do with the pool's CustomMessage trigger `current` (its ARN, or undefined): attach,
 * keep the team's wiring (`noAttach`), or refuse to replace another function unless `replace`.
 * Returns { attach, previous }: `previous` is what detach restores, undefined when the
 * stack's own trigger is already there (the stack keeps what it recorded on first attach).
 */
export function triggerChoice(current, { stack, replace = false, noAttach = false }) {
  if (noAttach) return { attach: false, previous: current ?? '' };
  if (!current) return { attach: true, previous: '' };
  if (isStackTrigger(current, stack)) return { attach: true, previous: undefined };
  if (!replace) {
    throw new DeployRefused(`the pool already has a CustomMessage trigger: ${current}. Attaching this one would replace it. `
      + 'Pass --replace to replace it (`npm run detach` puts it back), or --no-attach to deploy the trigger and wire it '
      + 'into your own infrastructure yourself.');
  }
  return { attach: true, previous: current };
}

/**
 * What is wrong with the app client `client` (describe-user-pool-client's UserPoolClient) for
 * pages that sign in with `signIn` (config.json's, default srp): a list of
 * { problem, fixable } (fixable by `--fix-client`, whose request is in fixedClient).
 */
export function clientProblems(client, { signIn = 'srp' } = {}) {
  const problems = [];
  if (client.ClientSecret) {
    problems.push({ fixable: false, problem: `the app client ${client.ClientId} has a secret; the pages run in a browser, where a secret `
      + 'is public, and Cognito refuses their calls without it. Create an app client without a secret (a "public client") '
      + 'and pass it as --existing-client.' });
  }
  const flows = client.ExplicitAuthFlows ?? [];
  // No flows listed means Cognito's default: SRP, custom auth and refresh tokens.
  const needed = { srp: 'ALLOW_USER_SRP_AUTH', password: 'ALLOW_USER_PASSWORD_AUTH' }[signIn];
  if (needed && flows.length > 0 && !flows.includes(needed)) {
    problems.push({ fixable: true, problem: `the app client does not allow ${needed}, which the pages use to sign in after a reset `
      + `(signIn "${signIn}"); it allows ${flows.join(', ')}.` });
  }
  if (client.PreventUserExistenceErrors !== 'ENABLED') {
    problems.push({ fixable: true, problem: 'the app client does not have PreventUserExistenceErrors ENABLED: the forgot page\'s '
      + 'answer would tell anyone whether an account exists for an address.' });
  }
  return problems;
}

/** The flows and setting `--fix-client` gives `client`, for deploy/fix_client.py: only what
 * clientProblems named changes. */
export function fixedClient(client, { signIn = 'srp' } = {}) {
  const flows = client.ExplicitAuthFlows ?? [];
  const needed = { srp: 'ALLOW_USER_SRP_AUTH', password: 'ALLOW_USER_PASSWORD_AUTH' }[signIn];
  const add = needed && flows.length > 0 && !flows.includes(needed) ? [needed] : [];
  return { addFlows: add, preventUserExistenceErrors: client.PreventUserExistenceErrors !== 'ENABLED' };
}

/**
 * How the pool will send the trigger's emails, as one paragraph for the deploy's output:
 * through SES (`ses`, the --ses-source-arn given, or the pool's DEVELOPER configuration) or
 * through Cognito's own sender, which limits the emails a day (the deploy says so loudly).
 */
export function emailStatement(emailConfiguration, { ses } = {}) {
  if (ses) return `Email: the pool sends through Amazon SES (${ses}); SES must be out of its sandbox to mail anyone.`;
  if (emailConfiguration?.EmailSendingAccount === 'DEVELOPER') {
    return `Email: the pool sends through Amazon SES (${emailConfiguration.SourceArn}).`;
  }
  return ['!!! Email: the pool sends through Cognito\'s own sender (EmailSendingAccount COGNITO_DEFAULT): a limited number of',
    '!!! emails a day for the whole pool (Cognito\'s quotas), from no-reply@verificationemail.com. Past the limit nobody gets',
    '!!! a link or a code. For real users pass --ses-source-arn (a verified SES identity) and --ses-from.'].join('\n');
}
