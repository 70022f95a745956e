// `npm run publish-pages`: the pages into a site you already run (your own bucket, or a path in it,
// behind your own CloudFront), instead of the stack's new distribution. Lays out dist/site/
// for your pool, uploads it with the same Content-Type, caching and precompressed wasm as
// `npm run deploy`, and prints the reset page's address for the trigger's RESET_PAGE_URL.
// Your distribution must send the headers of deploy/headers.mjs (dist/site/_headers and
// nginx-headers.conf say them for other hosts); `--dry-run` prints each AWS call instead.
//
//   npm run publish-pages -- --into s3://BUCKET/PATH/ --site https://www.example.com/PATH/
//                      --pool ID --client ID [--region REGION] [--dry-run] [--no-build]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './paths.mjs';
import { layOut, uploadCommands } from './site.mjs';

const { values: options } = parseArgs({
  options: {
    into: { type: 'string' },
    site: { type: 'string' },
    pool: { type: 'string' },
    client: { type: 'string' },
    region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1' },
    'dry-run': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const target = options.into?.endsWith('/') ? options.into : `${options.into ?? ''}/`;
if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\//.test(target) || !options.site || !options.pool || !options.client) {
  console.error('publish: needs --into s3://bucket/path/, --site (the address that path is served at), --pool and --client');
  process.exit(2);
}
const site = new URL(options.site.endsWith('/') ? options.site : `${options.site}/`);
if (site.protocol !== 'https:') {
  console.error('publish: --site must be an https address');
  process.exit(2);
}

if (!options['no-build']) execFileSync('node', [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const local = JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8'));
const config = { ...local, userPoolId: options.pool, clientId: options.client, signInUrl: local.signInUrl || '/' };
const prefix = layOut(config);
for (const args of uploadCommands(target, prefix)) {
  const shown = ['aws', ...args, '--region', options.region].map((a) => (/[\s"'*]/.test(a) ? JSON.stringify(a) : a)).join(' ');
  console.log(`${options['dry-run'] ? 'would run' : 'running'}: ${shown}`);
  if (!options['dry-run']) execFileSync('aws', [...args, '--region', options.region], { stdio: ['ignore', 'inherit', 'inherit'] });
}
console.log(`
${options['dry-run'] ? 'Dry run done; nothing was changed.' : 'Published.'} Set the trigger's RESET_PAGE_URL to:
  ${new URL('reset-password.html', site)}
and make your distribution send the headers in dist/site/_headers.`);
