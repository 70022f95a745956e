// `npm run deploy`: builds the pages and the trigger zip, deploys deploy/template.yaml, writes
// config.json (the team's, with the deployed pool and client), uploads every file with its
// Content-Type and Cache-Control, and invalidates CloudFront. `--dry-run` prints each AWS call
// instead; it still reads an existing pool and client, so it shows what the deploy would find.
//
//   npm run deploy -- [--stack NAME] [--region REGION] [--product-name TEXT] [--config FILE]
//                     [--existing-pool ID --existing-client ID [--replace | --no-attach] [--fix-client]]
//                     [--ses-source-arn ARN [--ses-from "Name <address>"]]
//                     [--pages-url https://www.example.com/account/]   (trigger only: no bucket, no distribution)
//                     [--link-style fragment|query] [--default-language LANG] [--rewrite reset,sign-up,invitation,address-change]
//                     [--domain NAME --certificate-arn ARN] [--hsts-include-subdomains] [--dry-run] [--no-build]
//                     [--alarm-email ADDRESS | --alarm-topic-arn ARN] [--email-template FILE]
//                     [--sign-in-links]   (a new pool needs --ses-source-arn with it)
//
// Everything that can be refused is refused before anything is built or created, saying what
// to change: www/config.json (deploy/config-check.mjs, as `npm run site` and `npm run
// publish-pages` do), a region other than an existing pool's, another CustomMessage trigger on
// the pool, an app client the pages cannot use (deploy/existing-pool.mjs). `npm run detach`
// undoes the attach.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { exitIfRefused, siteConfig } from '../deploy/config-check.mjs';
import { DeployRefused, clientProblems, deployRegion, emailStatement, fixedClient, triggerChoice } from '../deploy/existing-pool.mjs';
import { awsRunner, pythonTool } from './aws.mjs';
import { checkTriggerSettings } from './trigger-check.mjs';
import { ROOT } from './paths.mjs';
import { layOut, logoFile, uploadCommands } from './site.mjs';

const { values: options } = parseArgs({
  options: {
    stack: { type: 'string', default: 'cognito-reset-link' },
    region: { type: 'string', default: '' },
    'product-name': { type: 'string' },
    'existing-pool': { type: 'string', default: '' },
    'existing-client': { type: 'string', default: '' },
    replace: { type: 'boolean', default: false },
    'no-attach': { type: 'boolean', default: false },
    'fix-client': { type: 'boolean', default: false },
    'ses-source-arn': { type: 'string', default: '' },
    'ses-from': { type: 'string', default: '' },
    'pages-url': { type: 'string', default: '' },
    'link-style': { type: 'string', default: 'fragment' },
    'default-language': { type: 'string' },
    rewrite: { type: 'string', default: '' },
    domain: { type: 'string', default: '' },
    'certificate-arn': { type: 'string', default: '' },
    config: { type: 'string', default: join(ROOT, 'www', 'config.json') },
    'hsts-include-subdomains': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'email-template': { type: 'string' },
    'sign-in-links': { type: 'boolean', default: false },
    // Given once, kept by later deploys (cloudformation deploy keeps a parameter it is not given).
    'alarm-email': { type: 'string' },
    'alarm-topic-arn': { type: 'string' },
  },
});
const dryRun = options['dry-run'];
const ZIP = join(ROOT, 'target', 'lambda', 'reset-link-trigger', 'bootstrap.zip');
const SOURCES = ['reset', 'sign-up', 'invitation', 'address-change'];

/** Stops before anything is changed: status 2, the reason on stderr. */
function refuse(message) {
  console.error(`deploy: ${message}`);
  process.exit(2);
}

/** One of deploy/'s Python tools, run or (in a dry run) shown. */
const python = (script, args) => pythonTool(script, args, { dryRun });

// The brand lives in one place, config.json: the pages read it there, and the trigger gets it
// (for the emails) through the template's parameters.
const localConfig = JSON.parse(readFileSync(options.config, 'utf8'));
exitIfRefused(localConfig, { check: () => logoFile(localConfig) });
const pool = options['existing-pool'];
let region;
try {
  region = deployRegion({ pool, asked: options.region, env: process.env });
} catch (error) {
  if (!(error instanceof DeployRefused)) throw error;
  refuse(error.message);
}
if (Boolean(pool) !== Boolean(options['existing-client'])) refuse('--existing-pool and --existing-client go together');
if (Boolean(options.domain) !== Boolean(options['certificate-arn'])) {
  refuse('--domain and --certificate-arn go together (an ACM certificate for the domain, in us-east-1)');
}
// Pages served elsewhere (publish-pages, npm run site): the trigger links there, and the
// stack makes no bucket or distribution.
const pagesUrl = options['pages-url'] && (options['pages-url'].endsWith('/') ? options['pages-url'] : `${options['pages-url']}/`);
if (pagesUrl && (!URL.canParse(pagesUrl) || new URL(pagesUrl).protocol !== 'https:' || /[?#]/.test(pagesUrl))) {
  refuse(`--pages-url must be the https address of the folder the pages are served from, such as https://www.example.com/account/; not ${options['pages-url']}`);
}
if (pagesUrl && options.domain) refuse('--pages-url serves no pages from the stack, so --domain has nothing to name');
if (!['fragment', 'query'].includes(options['link-style'])) refuse(`--link-style is fragment or query, not ${options['link-style']}`);
const rewrite = options.rewrite.split(',').map((s) => s.trim()).filter(Boolean);
const unknownSource = rewrite.find((source) => !SOURCES.includes(source));
if (unknownSource) refuse(`--rewrite lists message sources among ${SOURCES.join(', ')}; not ${unknownSource}`);
if (options['ses-from'] && !options['ses-source-arn']) refuse('--ses-from goes with --ses-source-arn (the verified SES identity to send from)');
// Cognito emails a sign-in code (EMAIL_OTP) only through SES; the template's rule says the
// same, but only once CloudFormation has the stack.
if (options['sign-in-links'] && !pool && !options['ses-source-arn']) {
  refuse('--sign-in-links on a new pool needs --ses-source-arn: Cognito emails sign-in codes (EMAIL_OTP) only through SES');
}
if (options['no-attach'] && options['ses-source-arn'] && pool) {
  refuse('--no-attach leaves the pool to your own infrastructure: set its EmailConfiguration there too, not with --ses-source-arn');
}
const aws = awsRunner({ region, dryRun });

// An existing pool and client are read first (in a dry run too): what is there decides
// whether the deploy may go on.
let trigger;
let clientFix;
let poolEmail;
if (pool) {
  let existing;
  let client;
  try {
    existing = JSON.parse(aws.read(['cognito-idp', 'describe-user-pool', '--user-pool-id', pool, '--output', 'json'])).UserPool;
    client = JSON.parse(aws.read(['cognito-idp', 'describe-user-pool-client', '--user-pool-id', pool,
      '--client-id', options['existing-client'], '--output', 'json'])).UserPoolClient;
  } catch {
    refuse(`could not read the pool ${pool} and its app client (above). The deploy reads them first, even in a dry run; `
      + 'check your AWS credentials and the ids.');
  }
  poolEmail = existing.EmailConfiguration;
  const current = existing.LambdaConfig?.CustomMessage;
  console.log(`The pool's CustomMessage trigger now: ${current ?? '(none)'}`);
  try {
    trigger = triggerChoice(current, { stack: options.stack, replace: options.replace, noAttach: options['no-attach'] });
  } catch (error) {
    if (!(error instanceof DeployRefused)) throw error;
    refuse(error.message);
  }
  trigger.current = current ?? '';
  const signIn = localConfig.signIn ?? 'srp';
  const problems = clientProblems(client, { signIn });
  const blocking = problems.filter((p) => !p.fixable || !options['fix-client']);
  if (blocking.length > 0) {
    const fix = blocking.some((p) => p.fixable) ? '\nPass --fix-client to change only these settings of the client (deploy/fix_client.py keeps the rest).' : '';
    refuse(`the app client cannot serve the pages as it is:\n${blocking.map((p) => `  - ${p.problem}`).join('\n')}${fix}`);
  }
  if (problems.length > 0) clientFix = fixedClient(client, { signIn });
}

// Files for the trigger's zip, beside bootstrap: a function's environment holds 4 KB in all, so
// the team's email template and the emails' reworded sentences (config.json's words, as they
// are) travel in the bundle, named by EMAIL_TEMPLATE_FILE and EMAIL_WORDS_FILE. Both
// parameters are always given, so a later deploy without them names no file the zip lacks.
const BUNDLE = join(ROOT, 'dist', 'trigger-bundle');
rmSync(BUNDLE, { recursive: true, force: true });
mkdirSync(BUNDLE, { recursive: true });
const bundled = { EmailTemplateFile: '', EmailWordsFile: '' };
if (options['email-template'] !== undefined) {
  if (!existsSync(options['email-template'])) refuse(`--email-template names ${options['email-template']}, which does not exist`);
  copyFileSync(options['email-template'], join(BUNDLE, 'email-template.html'));
  bundled.EmailTemplateFile = 'email-template.html';
}
const EMAIL_KEY = /^(email|sms|signup|invite|change|signin_email)\./;
if (Object.values(localConfig.words ?? {}).some((words) => Object.keys(words ?? {}).some((key) => EMAIL_KEY.test(key)))) {
  writeFileSync(join(BUNDLE, 'email-words.json'), `${JSON.stringify(localConfig.words, null, 2)}\n`);
  bundled.EmailWordsFile = 'email-words.json';
}

// The brand and the emails' settings, as the trigger itself reads them, before anything is
// built or created: a part it would leave out is refused here, where it can still be fixed.
const brand = localConfig.brand ?? {};
const triggerVariables = {
  RESET_PAGE_URL: new URL('reset-password.html', pagesUrl || `https://${options.domain || 'd111111abcdef8.cloudfront.net'}/`).href,
  PRODUCT_NAME: options['product-name'] ?? brand.name ?? 'your account', LINK_STYLE: options['link-style'],
  DEFAULT_LANGUAGE: options['default-language'] ?? localConfig.defaultLanguage ?? '', MESSAGE_SOURCES: rewrite.join(','),
  BRAND_LOGO: brand.logo ?? '', BRAND_ACCENT: brand.accent ?? '', BRAND_ON_ACCENT: brand.onAccent ?? '', BRAND_SUPPORT: brand.support ?? '',
  EMAIL_TEMPLATE_FILE: bundled.EmailTemplateFile, EMAIL_WORDS_FILE: bundled.EmailWordsFile,
};
const judged = checkTriggerSettings(triggerVariables, BUNDLE);
if (!judged.clean) {
  refuse(`the trigger would not use the emails' settings as given${judged.links ? '' : ' (its emails would carry Cognito\'s codes, not links)'}:\n`
    + `${judged.problems.map((p) => `  - ${p}`).join('\n')}\nFix config.json's brand or words (or the --email-template file); nothing was built or created.`);
}

if (!options['no-build']) {
  execFileSync('node', [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  execFileSync('node', [join(ROOT, 'scripts', 'build-lambda.mjs'), '--bundle', BUNDLE], { stdio: 'inherit' });
}

const account = aws(['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'], '123456789012').trim();
const artifacts = `${options.stack}-artifacts-${account}-${region}`;
// The artifacts bucket's name is predictable, so someone could create it first in their own
// account, open to writes, and swap the trigger's code before CloudFormation reads it. Every
// call on it therefore names the account that must own it: S3 refuses the call when another
// account does, and the deploy stops instead of uploading.
const ownedByUs = ['--expected-bucket-owner', account];
let artifactsExist = false;
try {
  aws(['s3api', 'head-bucket', '--bucket', artifacts, ...ownedByUs]);
  // A dry run shows a first deploy, the bucket's creation included.
  artifactsExist = !dryRun;
} catch {
  // Missing, or another account's: then creating it fails, and the deploy stops there.
}
if (!artifactsExist) {
  const location = region === 'us-east-1' ? [] : ['--create-bucket-configuration', `LocationConstraint=${region}`];
  aws(['s3api', 'create-bucket', '--bucket', artifacts, ...location]);
  aws(['s3api', 'put-public-access-block', '--bucket', artifacts, ...ownedByUs, '--public-access-block-configuration',
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true']);
  aws(['s3api', 'put-bucket-encryption', '--bucket', artifacts, ...ownedByUs, '--server-side-encryption-configuration',
    JSON.stringify({ Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] })]);
  aws(['s3api', 'put-bucket-policy', '--bucket', artifacts, ...ownedByUs, '--policy', JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*',
      Resource: [`arn:aws:s3:::${artifacts}`, `arn:aws:s3:::${artifacts}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  })]);
}
const zipHash = existsSync(ZIP) ? createHash('sha256').update(readFileSync(ZIP)).digest('hex').slice(0, 16) : 'unbuilt';
const zipKey = `trigger/${zipHash}.zip`;
// s3api put-object, not s3 cp: only the former takes --expected-bucket-owner.
aws(['s3api', 'put-object', '--bucket', artifacts, '--key', zipKey, '--body', relative(ROOT, ZIP), ...ownedByUs]);
if (Boolean(options.domain) !== Boolean(options['certificate-arn'])) {
  throw new Error('deploy: --domain and --certificate-arn go together (an ACM certificate for the domain, in us-east-1)');
}
// A new trigger version is published only when this changes: the code, the template or any
// setting that may reach the function's environment (README, Operations: roll back).
const revision = createHash('sha256').update(zipHash).update(readFileSync(join(ROOT, 'deploy', 'template.yaml')))
  .update(JSON.stringify([localConfig, options])).digest('hex').slice(0, 16);
const operations = [`TriggerRevision=${revision}`,
  ...(options['alarm-email'] === undefined ? [] : [`AlarmEmail=${options['alarm-email']}`]),
  ...(options['alarm-topic-arn'] === undefined ? [] : [`AlarmTopicArn=${options['alarm-topic-arn']}`])];
const ses = options['ses-source-arn'];
aws(['cloudformation', 'deploy', '--template-file', 'deploy/template.yaml', '--stack-name', options.stack,
  '--capabilities', 'CAPABILITY_IAM', '--no-fail-on-empty-changeset', '--parameter-overrides',
  `TriggerCodeBucket=${artifacts}`, `TriggerCodeKey=${zipKey}`, `ProductName=${options['product-name'] ?? brand.name ?? 'your account'}`,
  `ExistingUserPoolId=${pool}`, `ExistingUserPoolClientId=${options['existing-client']}`,
  `DomainName=${options.domain}`, `CertificateArn=${options['certificate-arn']}`,
  `BrandLogo=${brand.logo ?? ''}`, `BrandAccent=${brand.accent ?? ''}`, `BrandOnAccent=${brand.onAccent ?? ''}`,
  `BrandSupport=${brand.support ?? ''}`, `HstsIncludeSubdomains=${options['hsts-include-subdomains']}`,
  `PagesAddress=${pagesUrl}`, `LinkStyle=${options['link-style']}`,
  `DefaultLanguage=${options['default-language'] ?? localConfig.defaultLanguage ?? ''}`, `MessageSources=${rewrite.join(',')}`,
  `SignInLinks=${options['sign-in-links']}`,
  // A new pool's sender; an existing pool's is set below, with the attach.
  `SesSourceArn=${pool ? '' : ses}`, `SesFromAddress=${pool ? '' : options['ses-from']}`,
  // What detach puts back. Left out when the stack's own trigger is already attached: then
  // CloudFormation keeps the value recorded when it first replaced the team's.
  ...(trigger?.previous !== undefined ? [`PreviousCustomMessage=${trigger.previous}`] : []), ...operations,
  ...Object.entries(bundled).map(([name, file]) => `${name}=${file}`)]);
const dryOutputs = JSON.stringify([
  ...(pagesUrl ? [] : [['PagesUrl', `https://${options.domain || 'd111111abcdef8.cloudfront.net'}/index.html`],
    ['BucketName', `${options.stack}-pagesbucket-example`], ['DistributionId', 'E2EXAMPLE']]),
  ['UserPoolId', pool || `${region}_Example`], ['UserPoolClientId', options['existing-client'] || 'exampleclientid'],
  ['TriggerArn', `arn:aws:lambda:${region}:${account}:function:${options.stack}-Trigger-EXAMPLE:live`],
].map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })));
const outputs = Object.fromEntries(JSON.parse(aws(['cloudformation', 'describe-stacks', '--stack-name', options.stack,
  '--query', 'Stacks[0].Outputs', '--output', 'json'], dryOutputs)).map((o) => [o.OutputKey, o.OutputValue]));

if (pool && trigger.attach) {
  // Only if the trigger is still the one read above: a change made since is not overwritten.
  python('attach_trigger.py', ['--user-pool-id', pool, '--lambda-arn', outputs.TriggerArn, '--only-if-current', trigger.current,
    ...(ses ? ['--ses-source-arn', ses, ...(options['ses-from'] ? ['--ses-from', options['ses-from']] : [])] : [])]);
} else if (pool) {
  console.log(`\n--no-attach: the pool was not changed. Set its LambdaConfig.CustomMessage to this function in your own infrastructure:\n  ${outputs.TriggerArn}`);
}
if (clientFix) {
  python('fix_client.py', ['--user-pool-id', pool, '--client-id', options['existing-client'], ...clientFix.addFlows.flatMap((f) => ['--flow', f])]);
}

// The team's config.json whole (session, signIn, words...), with the pool and client deployed.
const config = siteConfig(localConfig, { userPoolId: outputs.UserPoolId, clientId: outputs.UserPoolClientId });
const prefix = layOut(config, { hstsIncludeSubdomains: options['hsts-include-subdomains'] });
const done = dryRun ? 'Dry run done; nothing was changed.' : 'Deployed.';
console.log(`\n${emailStatement(poolEmail, { ses })}`);
// Gmail and Outlook do not show SVG: the emails would carry an empty box where the logo is.
if (/\.svg$/i.test(localConfig.brand?.logo ?? '')) console.log(`Note: the emails show brand.logo ${localConfig.brand.logo}; most mail clients do not show SVG, use a PNG.`);
if (pagesUrl) {
  console.log(`\n${done} The trigger links to ${new URL('reset-password.html', pagesUrl)}; no pages were uploaded. `
    + `dist/site/ holds them for ${pool || outputs.UserPoolId}: npm run publish-pages -- --site ${pagesUrl} --pool ${outputs.UserPoolId} `
    + `--client ${outputs.UserPoolClientId} --into s3://BUCKET/PATH/`);
} else {
  for (const args of uploadCommands(`s3://${outputs.BucketName}/`, prefix, account)) aws(args);
  aws(['cloudfront', 'create-invalidation', '--distribution-id', outputs.DistributionId, '--paths', '/', '/index.html',
    '/reset-password.html', '/confirm.html', '/welcome.html', '/verify.html', '/sign-in.html', '/www/config.json', '/www/i18n/*']);
  console.log(`\n${done} Forgot-password page: ${outputs.PagesUrl}`);
}
