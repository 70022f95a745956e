// `npm run build:lambda`: the trigger for Lambda (arm64, Amazon Linux), zipped as
// target/lambda/reset-link-trigger/bootstrap.zip, with cargo-lambda from .venv.
//
//   node scripts/build-lambda.mjs [--bundle DIR]
//
// `--bundle DIR`: every file in DIR goes into the zip beside `bootstrap` (a team's email
// template, the emails' reworded sentences: lambda/src/bundle.rs reads them by name). cargo
// lambda names an included file by the path it is given, so it runs in DIR and names each file
// alone.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, withTools } from './paths.mjs';

const { values } = parseArgs({ options: { bundle: { type: 'string' } } });
const bundled = values.bundle ? readdirSync(values.bundle, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort() : [];
execFileSync('cargo', ['lambda', 'build', '--manifest-path', join(ROOT, 'Cargo.toml'), '--profile', 'trigger', '--arm64',
  '--output-format', 'zip', '-p', 'reset-link-trigger', '--lambda-dir', join(ROOT, 'target', 'lambda'),
  ...bundled.flatMap((file) => ['--include', file])],
{ cwd: values.bundle ?? ROOT, stdio: 'inherit', env: withTools() });
