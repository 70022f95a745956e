// The trigger's own judgement of the settings a deploy is about to give it, before anything is
// created: the native binary's `--check-settings` (lambda/src/check.rs) reads the same
// variables and bundled files the function will, and names each part it would leave out (a
// logo elsewhere, colours too alike or only one of them, a sentence it cannot take) or why it
// would leave Cognito's code emails in place. The same code judges them in Lambda, so the
// deploy and the function cannot disagree.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT } from './paths.mjs';

/** cargo: on PATH, or where rustup puts it (a deploy's PATH may be trimmed). */
function cargo() {
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'cargo')).find((file) => existsSync(file));
  return onPath ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'cargo');
}

/**
 * What the trigger would make of `variables` (its environment, as the stack sets it) with the
 * files of `bundleDir` beside it: `{ links, clean, problems }`. Only the variables given reach
 * it, so nothing of this machine's environment is judged in their place.
 */
export function checkTriggerSettings(variables, bundleDir) {
  const keep = ['PATH', 'HOME', 'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CARGO_TARGET_DIR'];
  const base = Object.fromEntries(keep.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
  const run = spawnSync(cargo(), ['run', '--quiet', '-p', 'reset-link-trigger', '--', '--check-settings'],
    { cwd: ROOT, encoding: 'utf8', env: { ...base, ...variables, LAMBDA_TASK_ROOT: bundleDir } });
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`the trigger's settings could not be checked (cargo run -p reset-link-trigger -- --check-settings):\n${run.stderr}`);
  }
}
