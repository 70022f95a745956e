// The AWS CLI as `npm run deploy` and `npm run publish-pages` call it: each call printed as it
// runs, or only printed in a dry run, which makes no call at all.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

/** The AWS CLI: the one on PATH (the deployer's own, and what the tests replace), else the
 * project's Python environment, installed if missing. */
export function awsCommand({ dryRun = false } = {}) {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return 'aws';
  } catch {
    const local = join(ROOT, '.venv', 'bin', 'aws');
    if (existsSync(local) || dryRun) return local;
    execFileSync('node', [join(ROOT, 'scripts', 'setup.mjs'), '--python'], { stdio: 'inherit' });
    return local;
  }
}

/** How a call is shown: as it would be typed, arguments with spaces or quotes quoted. */
export function shownCall(args) {
  return ['aws', ...args].map((a) => (/[\s"'*]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** A runner of AWS CLI calls in `region`: runs (or, in a dry run, prints) each call and returns
 * its stdout, or `dryAnswer` in a dry run; `.read(args)` runs a read-only call even in a dry
 * run. A failed call throws; the CLI's message is on stderr. */
export function awsRunner({ region, dryRun = false }) {
  const command = dryRun ? 'aws' : awsCommand();
  const run = (args, dryAnswer = '') => {
    const full = [...args, '--region', region];
    console.log(`${dryRun ? 'would run' : 'running'}: ${shownCall(full)}`);
    if (dryRun) return dryAnswer;
    return execFileSync(command, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  };
  /** A call that only reads (describe-*): made in a dry run too, so the dry run shows what a
   * deploy would find (another trigger on the pool, an app client it would refuse). */
  run.read = (args) => {
    const full = [...args, '--region', region];
    console.log(`reading: ${shownCall(full)}`);
    return execFileSync(dryRun ? awsCommand({ dryRun }) : command, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  };
  return run;
}

/** Runs (or, in a dry run, only prints) one of deploy/'s Python tools with `args`, in the
 * project's Python environment (boto3 knows every field the read-modify-write must keep). */
export function pythonTool(script, args, { dryRun = false } = {}) {
  const shown = args.map((a) => (/[\s"'<>]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' ');
  console.log(`${dryRun ? 'would run' : 'running'}: python deploy/${script} ${shown}`);
  if (!dryRun) execFileSync(join(ROOT, '.venv', 'bin', 'python'), [join(ROOT, 'deploy', script), ...args], { stdio: 'inherit' });
}
