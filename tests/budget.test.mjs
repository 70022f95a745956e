// What the reset page downloads is deterministic, so its size is a test: it must not grow past
// its ceilings unnoticed. Two ceilings, counting what the browser actually fetches: what makes
// the form usable (the page, its style, its script and module, config.json), and everything
// the page fetches (that, then the account module it loads while the person types). Each
// ceiling is the measured size plus a little room.
//
// History: the page was 30,924 B brotli in all on a hand-written no_std module (its own JSON
// reader, SHA-256, big integers, allocator, executor and browser shim). On the crates the
// design names (wasm-bindgen with std, web-sys, js-sys, wasm-bindgen-futures, gloo-net, serde,
// serde-wasm-bindgen, RustCrypto, crypto-bigint) it measured 57,025 until usable and 137,155
// in all (docs/dependencies.md says where the bytes go), then 57,424 and 137,904 once
// config.json addresses were judged by the browser's URL parser. The ceilings were set from
// those figures; each change of a ceiling is a decision, recorded here.
// - 58,500 → 60,000 and 139,500 → 141,500: the link's age ("works until", in local time)
//   on the form (+1,590), and the account check of the token's claims in the account module
//   (+654): measured 59,014 and 140,148.
// - 60,000 → 62,000 and 141,500 → 148,000: invitations. The link parser reads a temporary
//   password and the config its lifetime (the form: +1,667 B, the CSP <meta> floor +104);
//   the account module accepts invitations (NEW_PASSWORD_REQUIRED, required details, error
//   messages read for an expired temporary password: +4,424). Measured 60,785 and 146,420.
// - 62,000 → 69,000 and 148,000 → 157,000: the team's brand, applied when the page loads
//   (name, logo, colours with a WCAG contrast check, whose luminance needs libm's pow;
//   config.json's brand and words read through serde; reworded sentences and the support
//   line). Placeholders are compared without a sort or a set, which each cost more than
//   they save. Measured 67,900 and 155,538.
// - 69,000 → 66,000 and 157,000 → 158,000: everything after the reset press (the outcome
//   words, the new link and its cooldown) moved from the form module to the account module,
//   which takes the page's words over from the form (language, fetched catalogue, support
//   contact). Measured 64,615 and 156,642.
// - 66,000 → 63,500 and 158,000 → 151,500: the modules allocate with talc instead of std's
//   dlmalloc, and wasm-opt keeps a function with one caller separate unless it is small.
//   Measured 62,343 and 150,125.
// - 151,500 → 153,500 in all: the account module makes the sign-in's SRP values while the
//   person types (prepareSignIn; their age judged by the wall and the steady clock), and
//   makes its calls through the plumbing the npm package shares (code_calls,
//   invitation_calls): +1,585 in the account module, the form unchanged. Measured 62,523
//   and 152,569.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, RESET_EVERYTHING, sizesOf } from '../scripts/sizes.mjs';

const USABLE_CEILING = 63_500;
const EVERYTHING_CEILING = 153_500;

/** `files`' brotli total, and a line per file for the failure message. */
function brotliOf(files) {
  const { rows, total } = sizesOf(files);
  assert.ok(rows.every((r) => r.raw > 0), 'every file the page needs exists');
  return { total: total.brotli, table: rows.map((r) => `${r.file}: ${r.brotli}`).join(', ') };
}

test(`the reset form is usable after at most ${USABLE_CEILING} bytes brotli`, () => {
  const { total, table } = brotliOf(PAGES['reset-password.html']);
  assert.ok(total <= USABLE_CEILING, `${total} bytes brotli (${table})`);
});

test(`everything the reset page fetches is at most ${EVERYTHING_CEILING} bytes brotli`, () => {
  const { total, table } = brotliOf(RESET_EVERYTHING);
  assert.ok(total <= EVERYTHING_CEILING, `${total} bytes brotli (${table})`);
});
