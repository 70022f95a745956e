// `npm run pack`: the npm package: the browser module built with the `api` feature (wasm-pack,
// target web, TypeScript definitions), the CDK construct with the built pages and the arm64
// trigger (`cognito-reset-link/cdk`, scripts/pack-cdk.mjs), a package.json with exports, types
// and files, and the tarball in dist/. The pages' own module is built without the API.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { packCdk } from './pack-cdk.mjs';
import { ROOT } from './paths.mjs';

const OUT = join(ROOT, 'dist', 'npm');
const NAME = 'cognito_reset_link';
const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"/m)[1];

rmSync(OUT, { recursive: true, force: true });
execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--mode', 'no-install', '--out-dir', OUT,
  '--out-name', NAME, '.', '--', '--no-default-features', '--features', 'api'], {
  cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: [join(ROOT, 'node_modules', 'binaryen', 'bin'), process.env.PATH].join(delimiter) },
});
rmSync(join(OUT, '.gitignore'), { force: true });
copyFileSync(join(ROOT, 'npm', 'README.md'), join(OUT, 'README.md'));
copyFileSync(join(ROOT, 'LICENSE'), join(OUT, 'LICENSE'));
const files = [`${NAME}.js`, `${NAME}.d.ts`, `${NAME}_bg.wasm`, `${NAME}_bg.wasm.d.ts`, 'README.md', 'LICENSE', ...packCdk(OUT)];
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify({
  name: 'cognito-reset-link',
  version,
  description: 'Password reset by link for Amazon Cognito: parse the link, send a new one, check and set the password, sign in with SRP. WebAssembly, typed.',
  license: 'MIT',
  repository: { type: 'git', url: 'https://github.com/cognito-reset-link/cognito-reset-link' },
  keywords: ['cognito', 'password-reset', 'srp', 'wasm', 'amplify'],
  type: 'module',
  main: `./${NAME}.js`,
  module: `./${NAME}.js`,
  types: `./${NAME}.d.ts`,
  exports: {
    '.': { types: `./${NAME}.d.ts`, import: `./${NAME}.js`, default: `./${NAME}.js` },
    [`./${NAME}_bg.wasm`]: `./${NAME}_bg.wasm`,
    './cdk': { types: './cdk/index.d.cts', default: './cdk/index.cjs' },
    './package.json': './package.json',
  },
  files,
  sideEffects: false,
  // Only the construct needs them: optional, so an app using the browser module installs neither.
  peerDependencies: { 'aws-cdk-lib': '^2.257.0', constructs: '^10.0.0' },
  peerDependenciesMeta: { 'aws-cdk-lib': { optional: true }, constructs: { optional: true } },
}, null, 2)}\n`);
execFileSync('npm', ['pack', '--pack-destination', join(ROOT, 'dist'), '--silent'], { cwd: OUT, stdio: 'inherit' });
