// Loads the wasm module and starts the page named in <body data-page>.
import init, { start } from './pkg/cognito_reset_link.js';

init()
  .then(() => start(document.body.dataset.page))
  .catch(() => {
    const problem = document.getElementById('problem');
    problem.textContent = 'This page could not load. Please reload it, or try a current browser.';
    problem.hidden = false;
  });
