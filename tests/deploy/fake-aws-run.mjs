// Runs the release scripts as a deployer would, with tests/deploy/fake-aws.mjs first on PATH
// as `aws`: each call it receives is recorded, never sent to AWS.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths.mjs';

/** A scratch folder under .run/ holding the fake `aws`; `run` and `configFile` use it. */
export function fakeAws(name) {
  const dir = join(ROOT, '.run', name);
  const bin = join(dir, 'bin');
  let runs = 0;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'tests', 'deploy', 'fake-aws.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'aws'), 0o755);
  return {
    /** `config` written to a file of its own; returns its path. */
    configFile(config) {
      const file = join(dir, `config-${runs++}.json`);
      writeFileSync(file, JSON.stringify(config));
      return file;
    },
    /** Runs scripts/`script` with `env` (FAKE_AWS_*, AWS_REGION...) over a clean region; returns
     * its status, output and the AWS calls made (each an array of arguments). */
    run(script, args, env = {}) {
      const log = join(dir, `calls-${runs++}.jsonl`);
      const result = spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: ROOT, encoding: 'utf8',
        env: { ...process.env, AWS_REGION: '', AWS_DEFAULT_REGION: '', PATH: `${bin}:/usr/bin:/bin`, FAKE_AWS_LOG: log, ...env } });
      const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
    },
  };
}
