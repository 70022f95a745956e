// The browsers that `npm test`, `npm run bench` and `npm run screenshots` open, found where
// each system keeps them. Only those commands ask for browsers: `npm start`, `build`,
// `deploy`, `site` and `pack` never look for one, so they run on a Mac or a CI image as they
// are. Where Debian's apt-get can install what is missing (CI, a Debian or Ubuntu machine),
// setup does; anywhere else it names what is missing and how to get it, before anything is
// built, instead of a test failing half-way.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where each browser may be, in order of preference; an environment variable comes first. */
const CANDIDATES = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
};
/** The variable that names each browser's executable, for a place not listed above. */
const OVERRIDES = { chromium: 'CHROMIUM', firefox: 'FIREFOX' };

/** Debian's package for each missing piece, and how to get it elsewhere. */
const PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'webkit2gtk-driver', xvfb: 'xvfb' };
const ELSEWHERE = {
  chromium: 'install Chromium or Google Chrome (macOS: brew install --cask chromium), or set CHROMIUM to its executable',
  firefox: 'install Firefox (macOS: brew install --cask firefox), or set FIREFOX to its executable',
  webkit: "WebKit: on macOS run 'safaridriver --enable' once (it asks for your password); on Linux install WebKitGTK's WebDriver (webkit2gtk-driver) and Xvfb",
};

/** The first of `paths` that exists, or null. */
const firstExisting = (paths) => paths.find((path) => existsSync(path)) ?? null;

/** WebKitGTK's MiniBrowser, under whichever multiarch folder this Linux uses. */
function miniBrowser() {
  const lib = '/usr/lib';
  const arches = existsSync(lib) ? readdirSync(lib).filter((name) => name.endsWith('-linux-gnu')) : [];
  return firstExisting(arches.map((arch) => join(lib, arch, 'webkit2gtk-4.1', 'MiniBrowser')));
}

/**
 * The WebKit this machine can drive over W3C WebDriver: Safari's own driver on macOS, or
 * WebKitGTK's with its MiniBrowser on a virtual X display (it has no headless mode) on Linux.
 */
function findWebKit() {
  if (process.platform === 'darwin') {
    return existsSync('/usr/bin/safaridriver') ? { kind: 'safari', driver: '/usr/bin/safaridriver' } : null;
  }
  const driver = firstExisting(['/usr/bin/WebKitWebDriver']);
  const xvfb = firstExisting(['/usr/bin/Xvfb']);
  const binary = miniBrowser();
  return driver && xvfb && binary ? { kind: 'webkitgtk', driver, xvfb, binary } : null;
}

/** The browsers found: `{ chromium, firefox }` executables (or null) and `webkit` (or null). */
export function findBrowsers() {
  const found = {};
  for (const [name, paths] of Object.entries(CANDIDATES)) {
    const override = process.env[OVERRIDES[name]];
    found[name] = override ? (existsSync(override) ? override : null) : firstExisting(paths);
  }
  found.webkit = findWebKit();
  return found;
}

/** What is missing, as `{ name, debian: [packages], how }` for each engine. */
export function missingBrowsers(found = findBrowsers()) {
  const missing = [];
  for (const name of ['chromium', 'firefox']) {
    if (!found[name]) missing.push({ name, debian: [PACKAGES[name]], how: ELSEWHERE[name] });
  }
  if (!found.webkit) {
    const debian = [['/usr/bin/WebKitWebDriver', PACKAGES.webkit], ['/usr/bin/Xvfb', PACKAGES.xvfb]]
      .filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
    missing.push({ name: 'webkit', debian: debian.length ? debian : [PACKAGES.webkit], how: ELSEWHERE.webkit });
  }
  return missing;
}

/** The executable of `name` (chromium or firefox), or an error that says how to get it. */
export function browserPath(name) {
  const path = findBrowsers()[name];
  if (!path) throw new Error(`No ${name} found: ${ELSEWHERE[name]}.`);
  return path;
}

/** The WebKit to drive, or an error that says how to get it. */
export function webKit() {
  const webkit = findBrowsers().webkit;
  if (!webkit) throw new Error(`No WebKit found: ${ELSEWHERE.webkit}.`);
  return webkit;
}
