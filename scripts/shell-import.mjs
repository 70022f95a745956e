// www/shell.js reports back to the module through 'page-module', an alias the pages' build
// (esbuild) resolves to the page's glue. A module used without that build (the npm package,
// the benchmark's SRP module) gets the relative path instead: the glue sits three folders up
// from its copy of the shell in snippets/<crate>/www/.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Points the shell in wasm-bindgen output folder `out` at the glue `<glueName>.js`. */
export function pointShellAtGlue(out, glueName) {
  for (const crate of readdirSync(join(out, 'snippets'))) {
    const shell = join(out, 'snippets', crate, 'www', 'shell.js');
    writeFileSync(shell, readFileSync(shell, 'utf8').replace("from 'page-module'", `from '../../../${glueName}.js'`));
  }
}
