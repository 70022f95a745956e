// `npm run pack`: the npm package: the browser modules built with the `api` and `api-password`
// features (wasm-pack, target web, TypeScript definitions), the CDK construct with the built pages and the arm64
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

/** The package's two browser modules: the main one, and the password module with SRP. */
const MODULES = [[NAME, 'api'], [`${NAME}_password`, 'api-password']];

rmSync(OUT, { recursive: true, force: true });
for (const [name, feature] of MODULES) {
  execFileSync('wasm-pack', ['build', '--target', 'web', '--release', '--mode', 'no-install', '--no-pack', '--out-dir', OUT,
    '--out-name', name, '.', '--', '--no-default-features', '--features', feature], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: [join(ROOT, 'node_modules', 'binaryen', 'bin'), process.env.PATH].join(delimiter) },
  });
}
rmSync(join(OUT, '.gitignore'), { force: true });
copyFileSync(join(ROOT, 'npm', 'README.md'), join(OUT, 'README.md'));
copyFileSync(join(ROOT, 'LICENSE'), join(OUT, 'LICENSE'));
const files = [...MODULES.flatMap(([name]) => [`${name}.js`, `${name}.d.ts`, `${name}_bg.wasm`, `${name}_bg.wasm.d.ts`]),
  'README.md', 'LICENSE', ...packCdk(OUT)];
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify({
  name: 'cognito-reset-link',
  version,
  description: 'Every Amazon Cognito code as a link: read the link, and the calls for reset, sign-up confirmation, invitations, address changes and sign-in by link, with SRP sign-in in its own module. WebAssembly, typed.',
  license: 'MIT',
  repository: { type: 'git', url: 'https://github.com/cognito-reset-link/cognito-reset-link' },
  keywords: ['cognito', 'password-reset', 'srp', 'wasm', 'amplify'],
  type: 'module',
  main: `./${NAME}.js`,
  module: `./${NAME}.js`,
  types: `./${NAME}.d.ts`,
  exports: {
    '.': { types: `./${NAME}.d.ts`, import: `./${NAME}.js`, default: `./${NAME}.js` },
    './password': { types: `./${NAME}_password.d.ts`, import: `./${NAME}_password.js`, default: `./${NAME}_password.js` },
    [`./${NAME}_bg.wasm`]: `./${NAME}_bg.wasm`,
    [`./${NAME}_password_bg.wasm`]: `./${NAME}_password_bg.wasm`,
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
