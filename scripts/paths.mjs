// Where the project lives, for the scripts.
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of the project's Python tools (.venv): the AWS CLI, cfn-lint, cargo-lambda. */
export const VENV_BIN = join(ROOT, '.venv', process.platform === 'win32' ? 'Scripts' : 'bin');

/** `env` with .venv's tools on PATH, for a command that runs `cargo lambda` or the AWS CLI. */
export function withTools(env = process.env) {
  return { ...env, PATH: [VENV_BIN, env.PATH ?? ''].join(delimiter) };
}
