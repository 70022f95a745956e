// `npm run publish-pages`: the pages into a site you already run (your own bucket, or a path in it,
// behind your own CloudFront), instead of the stack's new distribution. Lays out dist/site/
// for your pool, uploads it with the same Content-Type, caching and precompressed wasm as
// `npm run deploy`, and prints the reset page's address for the trigger's RESET_PAGE_URL
// (`npm run deploy -- --pages-url` sets it).
// Your distribution must send the headers of deploy/headers.mjs (dist/site/_headers and
// nginx-headers.conf say them for other hosts); `--dry-run` prints each AWS call instead.
//
// It refuses, before building or uploading anything: a config.json that must not be public
// (deploy/config-check.mjs: a client secret, a Cognito endpoint that is not https, ...), and a
// target that already holds objects, which the upload would overwrite (unless --force). Every
// S3 call names the account that must own the bucket (--account, else the one your
// credentials belong to), so a mistyped or someone else's bucket is never written to.
//
//   npm run publish-pages -- --into s3://BUCKET/PATH/ --site https://www.example.com/PATH/
//                      --pool ID --client ID [--region REGION] [--account ID] [--config FILE]
//                      [--force] [--hsts-include-subdomains] [--dry-run] [--no-build]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exitIfRefused, siteConfig } from '../deploy/config-check.mjs';
import { awsRunner } from './aws.mjs';
import { ROOT } from './paths.mjs';
import { bucketAndPrefix, layOut, logoFile, uploadCommands } from './site.mjs';

const { values: options } = parseArgs({
  options: {
    into: { type: 'string' },
    site: { type: 'string' },
    pool: { type: 'string' },
    client: { type: 'string' },
    region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1' },
    account: { type: 'string' },
    config: { type: 'string', default: join(ROOT, 'www', 'config.json') },
    force: { type: 'boolean', default: false },
    'hsts-include-subdomains': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const dryRun = options['dry-run'];

/** Stops with `message`: status 2 for a refusal (nothing uploaded), 1 for a failed upload. */
function refuse(message, status = 2) {
  console.error(`publish: ${message}`);
  process.exit(status);
}

const target = options.into?.endsWith('/') ? options.into : `${options.into ?? ''}/`;
if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\//.test(target) || !options.site || !options.pool || !options.client) {
  refuse('needs --into s3://bucket/path/, --site (the address that path is served at), --pool and --client');
}
const site = new URL(options.site.endsWith('/') ? options.site : `${options.site}/`);
if (site.protocol !== 'https:') refuse('--site must be an https address');
if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
  refuse('--account must be the 12-digit id of the AWS account that owns the bucket');
}

const local = JSON.parse(readFileSync(options.config, 'utf8'));
const config = siteConfig(local, { userPoolId: options.pool, clientId: options.client });
exitIfRefused(config, { check: () => logoFile(config) });

const aws = awsRunner({ region: options.region, dryRun });
/** Runs one AWS call; when it fails, stops with `advice` (and `status`) after the CLI's own message. */
function awsOr(advice, args, dryAnswer, status) {
  try {
    return aws(args, dryAnswer);
  } catch {
    return refuse(advice, status);
  }
}

const account = options.account ?? awsOr('could not ask AWS which account your credentials belong to (above). '
  + 'Check your AWS profile, or pass --account with the id of the account that owns the bucket.',
['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'], '123456789012').trim();
if (!/^\d{12}$/.test(account)) refuse(`AWS named no account id (${JSON.stringify(account)}); pass --account`);
const ownedBy = ['--expected-bucket-owner', account];

// One key is enough to know the upload would overwrite something. The listing carries the
// owner check too: another account's bucket fails here, before anything is written.
const { bucket, prefix: keyPrefix } = bucketAndPrefix(target);
const listing = awsOr(`could not list ${target} (above). AccessDenied means the bucket is not owned by account ${account} `
  + '(check the bucket name, and --account or your AWS profile) or your credentials may not list it.',
['s3api', 'list-objects-v2', '--bucket', bucket, ...(keyPrefix ? ['--prefix', keyPrefix] : []),
  '--max-items', '1', '--query', 'Contents[].Key', '--output', 'json', ...ownedBy], 'null');
const existing = JSON.parse(listing.trim() || 'null') ?? [];
if (existing.length > 0 && !options.force) {
  const where = keyPrefix ? `${target} already holds objects` : `${target} is the bucket's root and already holds objects`;
  refuse(`${where} (such as ${existing[0]}); publishing would overwrite them. Choose an empty path `
    + '(--into s3://bucket/new-path/), or, if they are an earlier publish of these pages, pass --force to replace them.');
}

if (!options['no-build']) execFileSync('node', [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const hstsIncludeSubdomains = options['hsts-include-subdomains'];
const prefix = layOut(config, { hstsIncludeSubdomains });
for (const args of uploadCommands(target, prefix, account)) {
  awsOr(`uploading to ${target} stopped (above); the files before it are in place. Fix the cause and run again with --force.`, args, '', 1);
}
const stand = dryRun && !options.account ? ' (a dry run\'s stand-in: a real run asks `aws sts get-caller-identity`, or pass --account)' : '';
console.log(`
${dryRun ? `Dry run done; nothing was changed. A real run first checks that ${target} holds nothing (or --force).` : 'Published.'}
Every S3 call names the bucket's owner: account ${account}${stand}.
Set the trigger's RESET_PAGE_URL to:
  ${new URL('reset-password.html', site)}
(npm run deploy -- --pages-url ${site} sets it, with a trigger-only stack: no bucket, no distribution)
and make your distribution send the headers in dist/site/_headers (HSTS ${hstsIncludeSubdomains ? 'with' : 'without'} includeSubDomains).`);
