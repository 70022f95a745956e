// Starts the page: initialises its wasm module and runs the entry named in <body data-page>.
// npm run build bundles this file with each page's wasm-bindgen glue ('page-module') into
// www/pkg/<page>.js.
import init, { start } from 'page-module';

// The link (the address's query and fragment: a code, a temporary password) leaves the
// address bar before anything else runs, so that a module that cannot load leaves no secret
// there; the module reads it from here.
const link = location.search + location.hash;
if (link) history.replaceState(null, '', location.pathname);

// Marks for the benchmark's account of where the start-up time goes (npm run bench).
performance.mark('boot');

// A file next to the pages, fresh and parsed by the browser: null when the server refused it;
// rejects when it cannot be fetched or is not JSON.
const fetchFresh = (path) => fetch(path, { cache: 'no-store' });
const parsed = (response) => (response.ok ? response.json() : null);
const fetchJson = (path) => fetchFresh(path).then(parsed);
// The configuration is the page's first request: it travels, and the browser parses it,
// while the module downloads. Its Date (plus Age, when a cache answered) is the server's
// clock, which judges a link's age where a phone's clock may be wrong: `clock` is the
// server's time minus the device's, in ms (NaN without a Date).
const configResponse = fetchFresh('www/config.json');
const clock = configResponse.then(({ headers }) => Date.parse(headers.get('Date')) + 1000 * (Number(headers.get('Age')) || 0) - Date.now());
const config = configResponse.then(parsed);
config.catch(() => {}); // the module reports a failure
clock.catch(() => {}); // the device's clock alone then
// A language's catalogue (www/i18n/<language>.json).
const fetchWords = (language) => fetchJson(`www/i18n/${language}.json`);
// The catalogue of the browser's language travels beside config.json, so that a page in Spanish
// is ready as soon as one in English. The module still picks the language (the link's lang=,
// then the browser's preferences, then config.json's default: core's pick_language, whose
// rule for the preferences these lines follow) and asks loadWords for its catalogue; this
// request answers when it picked the same one. LANGUAGES, the shipped catalogues
// (core/i18n/), is filled in by npm run build; English is built into the module.
const preferred = navigator.languages
  .map((tag) => tag.split(/[-_]/)[0].trim().toLowerCase())
  .find((language) => LANGUAGES.includes(language));
const early = preferred && preferred !== 'en' ? fetchWords(preferred) : null;
early?.catch(() => {}); // a catalogue that does not arrive leaves the page in English
const loadWords = (language) => (language === preferred && early) || fetchWords(language);
// The reset page's account module (www/pkg/account.js: everything after the press), which the
// page loads as soon as its form works. null when it cannot load; the page asks again later.
// The import waits for the next task, so that the browser first draws the form and answers
// the person.
const nextTask = () => new Promise((resolve) => setTimeout(resolve));
// Once it has loaded, it makes the sign-in's SRP values that need no password while the
// person types, so that the press waits only for what needs the password.
const prepared = (module) => {
  config.then((settings) => module.prepareSignIn(settings)).catch(() => {});
  return module;
};
const loadAccount = () => nextTask().then(() => import('./account.js')).then((module) => module.default().then(() => prepared(module))).catch(() => null);
init()
  .then(() => {
    performance.mark('module-ready');
    start(document.body.dataset.page, link, config, clock, loadAccount, loadWords);
  })
  .catch(() => {
    const problem = document.getElementById('problem');
    problem.textContent = 'This page could not load. Please reload it, or try a current browser.';
    problem.hidden = false;
  });
