// Starts the page: initialises its wasm module and runs the entry named in <body data-page>.
// npm run build bundles this file with each page's module into www/pkg/<page>.js, where
// 'page-module' is that page's wasm-bindgen glue.
import init, { start } from 'page-module';

init()
  .then(() => start(document.body.dataset.page))
  .catch(() => {
    const problem = document.getElementById('problem');
    problem.textContent = 'This page could not load. Please reload it, or try a current browser.';
    problem.hidden = false;
  });
