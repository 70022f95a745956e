// `npm run build:lambda`: the trigger for Lambda (arm64, Amazon Linux), zipped as
// target/lambda/reset-link-trigger/bootstrap.zip, with cargo-lambda from .venv.
import { execFileSync } from 'node:child_process';
import { ROOT, withTools } from './paths.mjs';

execFileSync('cargo', ['lambda', 'build', '--profile', 'trigger', '--arm64', '--output-format', 'zip', '-p', 'reset-link-trigger'],
  { cwd: ROOT, stdio: 'inherit', env: withTools() });
