// `npm run deploy`: builds the pages and the trigger zip, deploys deploy/template.yaml, writes
// config.json from the stack outputs, uploads every file with its Content-Type and
// Cache-Control, and invalidates CloudFront. `--dry-run` prints each AWS call instead.
//
//   npm run deploy -- [--stack NAME] [--region REGION] [--product-name TEXT]
//                     [--existing-pool ID --existing-client ID] [--domain NAME --certificate-arn ARN]
//                     [--config FILE] [--hsts-include-subdomains] [--dry-run] [--no-build]
//
// www/config.json (or --config) is checked before anything is built or called
// (deploy/config-check.mjs, as `npm run site` and `npm run publish-pages` do): its brand goes
// into the emails and its settings onto a public site.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { exitIfRefused, siteConfig } from '../deploy/config-check.mjs';
import { awsRunner } from './aws.mjs';
import { ROOT } from './paths.mjs';
import { layOut, uploadCommands } from './site.mjs';

const { values: options } = parseArgs({
  options: {
    stack: { type: 'string', default: 'cognito-reset-link' },
    region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1' },
    'product-name': { type: 'string' },
    'existing-pool': { type: 'string', default: '' },
    'existing-client': { type: 'string', default: '' },
    domain: { type: 'string', default: '' },
    'certificate-arn': { type: 'string', default: '' },
    config: { type: 'string', default: join(ROOT, 'www', 'config.json') },
    'hsts-include-subdomains': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const dryRun = options['dry-run'];
const ZIP = join(ROOT, 'target', 'lambda', 'reset-link-trigger', 'bootstrap.zip');

// The brand lives in one place, config.json: the pages read it there, and the trigger gets it
// (for the emails) through the template's parameters.
const localConfig = JSON.parse(readFileSync(options.config, 'utf8'));
exitIfRefused(localConfig);
const aws = awsRunner({ region: options.region, dryRun });

if (!options['no-build']) {
  execFileSync('node', [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  execFileSync('cargo', ['lambda', 'build', '--profile', 'trigger', '--arm64', '--output-format', 'zip', '-p', 'reset-link-trigger'],
    { cwd: ROOT, stdio: 'inherit' });
}

const account = aws(['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'], '123456789012').trim();
const artifacts = `${options.stack}-artifacts-${account}-${options.region}`;
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
  const location = options.region === 'us-east-1' ? [] : ['--create-bucket-configuration', `LocationConstraint=${options.region}`];
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
const brand = localConfig.brand ?? {};
if (Boolean(options.domain) !== Boolean(options['certificate-arn'])) {
  throw new Error('deploy: --domain and --certificate-arn go together (an ACM certificate for the domain, in us-east-1)');
}
aws(['cloudformation', 'deploy', '--template-file', 'deploy/template.yaml', '--stack-name', options.stack,
  '--capabilities', 'CAPABILITY_IAM', '--no-fail-on-empty-changeset', '--parameter-overrides',
  `TriggerCodeBucket=${artifacts}`, `TriggerCodeKey=${zipKey}`, `ProductName=${options['product-name'] ?? brand.name ?? 'your account'}`,
  `ExistingUserPoolId=${options['existing-pool']}`, `ExistingUserPoolClientId=${options['existing-client']}`,
  `DomainName=${options.domain}`, `CertificateArn=${options['certificate-arn']}`,
  `BrandLogo=${brand.logo ?? ''}`, `BrandAccent=${brand.accent ?? ''}`, `BrandOnAccent=${brand.onAccent ?? ''}`,
  `BrandSupport=${brand.support ?? ''}`, `HstsIncludeSubdomains=${options['hsts-include-subdomains']}`]);
const dryOutputs = JSON.stringify([
  ['PagesUrl', `https://${options.domain || 'd111111abcdef8.cloudfront.net'}/index.html`], ['BucketName', `${options.stack}-pagesbucket-example`],
  ['DistributionId', 'E2EXAMPLE'], ['UserPoolId', options['existing-pool'] || `${options.region}_Example`],
  ['UserPoolClientId', options['existing-client'] || 'exampleclientid'], ['TriggerArn', `arn:aws:lambda:${options.region}:${account}:function:example`],
].map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })));
const outputs = Object.fromEntries(JSON.parse(aws(['cloudformation', 'describe-stacks', '--stack-name', options.stack,
  '--query', 'Stacks[0].Outputs', '--output', 'json'], dryOutputs)).map((o) => [o.OutputKey, o.OutputValue]));

if (options['existing-pool']) {
  const attach = [join(ROOT, 'deploy', 'attach_trigger.py'), '--user-pool-id', options['existing-pool'], '--lambda-arn', outputs.TriggerArn];
  console.log(`${dryRun ? 'would run' : 'running'}: python ${attach.map((a) => relative(ROOT, a) || a).join(' ')}`);
  if (!dryRun) execFileSync(join(ROOT, '.venv', 'bin', 'python'), attach, { stdio: 'inherit' });
}

// The team's config.json whole (session, signIn, words...), with the pool and client deployed.
const config = siteConfig(localConfig, { userPoolId: outputs.UserPoolId, clientId: outputs.UserPoolClientId });
const prefix = layOut(config, { hstsIncludeSubdomains: options['hsts-include-subdomains'] });
for (const args of uploadCommands(`s3://${outputs.BucketName}/`, prefix, account)) aws(args);
aws(['cloudfront', 'create-invalidation', '--distribution-id', outputs.DistributionId, '--paths', '/', '/index.html',
  '/reset-password.html', '/confirm.html', '/welcome.html', '/verify.html', '/www/config.json', '/www/i18n/*']);
console.log(`\n${dryRun ? 'Dry run done; nothing was changed.' : 'Deployed.'} Forgot-password page: ${outputs.PagesUrl}`);
