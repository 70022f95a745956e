// Loads the page's wasm module (www/pkg/<data-page>.js) and starts the page named in
// <body data-page>.
const page = document.body.dataset.page;

import(`./pkg/${page}.js`)
  .then((module) => module.default().then(() => module.start(page)))
  .catch(() => {
    const problem = document.getElementById('problem');
    problem.textContent = 'This page could not load. Please reload it, or try a current browser.';
    problem.hidden = false;
  });
