// Preloaded into cognito-local (`node --require`) so that every email it prints arrives whole.
//
// cognito-local prints the emails it would send through pino-pretty, which writes with
// sonic-boom 2.x. That writer counts a string's characters but subtracts the bytes written,
// and slices the rest of the string by that byte count: a write holding multi-byte characters
// (the box drawn around each email) loses text and leaves the rest held back. Past about 64 KB
// of output whole emails went missing. Handing pino-pretty its documented `destination`
// option, Node's own process.stdout, avoids that writer.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithWholeWrites(request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== 'pino-pretty') return loaded;
  const toStdout = (options) => loaded({ ...options, destination: process.stdout });
  Object.assign(toStdout, loaded, { default: toStdout });
  return toStdout;
};
