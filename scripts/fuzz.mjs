// `npm run fuzz`: runs each fuzz target for FUZZ_SECONDS (default 60) with cargo fuzz on
// nightly, growing fuzz/corpus/<target>. A crash stops the run; copy the input libFuzzer
// names into fuzz/regressions/<target>/ and `cargo test` replays it from then on.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const TARGETS = ['link', 'config', 'reply', 'trigger_event', 'template'];
const seconds = process.env.FUZZ_SECONDS ?? '60';

if (spawnSync('cargo', ['fuzz', '--version']).status !== 0) {
  execFileSync('cargo', ['install', 'cargo-fuzz', '--locked'], { stdio: 'inherit' });
}
for (const target of TARGETS) {
  console.log(`fuzz: ${target} for ${seconds} s`);
  execFileSync('cargo', ['+nightly', 'fuzz', 'run', '--fuzz-dir', 'fuzz', target, join('fuzz', 'corpus', target), '--',
    `-max_total_time=${seconds}`, '-max_len=4096'], { cwd: ROOT, stdio: 'inherit' });
  // Keep only inputs that add coverage, so the committed corpus stays small.
  execFileSync('cargo', ['+nightly', 'fuzz', 'cmin', '--fuzz-dir', 'fuzz', target, join('fuzz', 'corpus', target)], { cwd: ROOT, stdio: 'ignore' });
}
console.log('fuzz: no crash found');
