// The npm package, packed once per `npm test`: the test command packs it before the tests
// (and says so with PACKED=1), so the npm and CDK suites install the same tarball instead of
// each building it again. A suite run on its own packs it itself.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../scripts/paths.mjs';

/** The packed tarball, built now unless the test command already did. */
export function packed() {
  if (process.env.PACKED !== '1') execFileSync('node', [join(ROOT, 'scripts', 'pack.mjs')], { cwd: ROOT, stdio: 'ignore' });
  return join(ROOT, 'dist', 'cognito-reset-link-0.1.0.tgz');
}
