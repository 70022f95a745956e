// Where wasm-bindgen put its copy of www/shell.js, and how that copy finds the glue. The shell
// reports back to the module through 'page-module', an alias the pages' build (esbuild)
// resolves to the page's glue. A module used without that build (the npm package, the
// benchmark's SRP module) gets the relative path instead: the glue sits three folders up from
// the copy in snippets/<crate>/www/.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The copy of www/shell.js in wasm-bindgen output folder `out`. */
export function shellCopy(out) {
  const [crate] = readdirSync(join(out, 'snippets'));
  return join(out, 'snippets', crate, 'www', 'shell.js');
}

/** Points the shell in wasm-bindgen output folder `out` at the glue `<glueName>.js`. */
export function pointShellAtGlue(out, glueName) {
  const shell = shellCopy(out);
  writeFileSync(shell, readFileSync(shell, 'utf8').replace("from 'page-module'", `from '../../../${glueName}.js'`));
}
