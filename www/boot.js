// Starts the page: initialises its wasm module and runs the entry named in <body data-page>.
// npm run build bundles this file with each page's module into www/pkg/<page>.js, where
// 'page-module' is that page's wasm-bindgen glue and 'page-shell' its copy of www/shell.js.
import init, { start } from 'page-module';
import { prefetch } from 'page-shell';

// The configuration is the page's first request: it travels while the module compiles.
prefetch('www/config.json');
init()
  .then(() => start(document.body.dataset.page))
  .catch(() => {
    const problem = document.getElementById('problem');
    problem.textContent = 'This page could not load. Please reload it, or try a current browser.';
    problem.hidden = false;
  });
