// The node half of `npm test`: every tests/**/*.test.mjs, in two lines of files run side by
// side. The fault suites (a Cognito that answers late, throttles or never answers, on every
// page) spend their time waiting on the pages' real retry timers, not on the processor, so
// they run beside the rest instead of after it: the same tests, about half the wait. Within
// each line the files run one at a time, as before; the two lines share no port, no `.run/`
// folder and nothing in `dist/`. The fault line's report is printed once it ends.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.mjs';

/** Files whose tests mostly wait on timers. */
const WAITING = /(^|\/)[a-z-]*faults\.test\.mjs$/;

const files = readdirSync(join(ROOT, 'tests'), { recursive: true })
  .map((file) => relative(ROOT, join(ROOT, 'tests', file)).split('\\').join('/'))
  // The example apps' installed packages are not the project's tests.
  .filter((file) => file.endsWith('.test.mjs') && !file.split('/').includes('node_modules'))
  .sort();
const waiting = files.filter((file) => WAITING.test(file));
const rest = files.filter((file) => !WAITING.test(file));

/** Runs `node --test` on `list`; resolves to its exit code. With `quiet`, the output is
 * kept and printed at the end. */
function run(list, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...process.argv.slice(2), ...list],
      { cwd: ROOT, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const kept = [];
    if (quiet) {
      child.stdout.on('data', (chunk) => kept.push(chunk));
      child.stderr.on('data', (chunk) => kept.push(chunk));
    }
    child.on('close', (code) => {
      if (quiet) {
        console.log(`\n# The fault suites (${list.join(', ')}), run beside the rest:\n`);
        process.stdout.write(Buffer.concat(kept));
      }
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all([run(rest, false), run(waiting, true)]);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
