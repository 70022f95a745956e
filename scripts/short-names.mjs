// Shortens the names wasm-bindgen gives the module's imports and exports
// (`__wbg_set_textContent_0177b2a6d9293c2c`, `wasm_bindgen__convert__closures_____invoke__h…`):
// each appears in the .wasm and again in the JavaScript glue, and their hash suffixes do not
// compress, so they cost the reset page about 2 KB brotli. Every such name becomes `w<n>` in
// both files; names the page calls itself (`start`, `memory`) stay.
import { readFileSync, writeFileSync } from 'node:fs';

/** Names wasm-bindgen generates: safe to rename, never called by our own code. */
const GENERATED = /^(__wbg_|__wbindgen_|wasm_bindgen__|__externref_)/;

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Encodes `value` as unsigned LEB128. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A length-prefixed name. */
const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);

/** Reads a length-prefixed name at `at`; returns [text, next offset]. */
function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString(), start + length];
}

/** Offset just past the import description (function, table, memory, global or tag) at `at`. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const skipLimits = (p) => {
    const flags = bytes[p++];
    p = readLeb(bytes, p)[1];
    return flags & 1 ? readLeb(bytes, p)[1] : p;
  };
  if (kind === 0) return readLeb(bytes, at)[1];
  if (kind === 1) return skipLimits(at + 1);
  if (kind === 2) return skipLimits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return readLeb(bytes, at + 1)[1];
  throw new Error(`unknown import kind ${kind}`);
}

/** Rewrites the import (2) and export (7) sections, renaming generated names via `rename`. */
function rewriteSections(wasm, rename, imported) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    let body = wasm.subarray(start, start + size);
    at = start + size;
    if (id === 2 || id === 7) {
      const [count, first] = readLeb(body, 0);
      const entries = [leb(count)];
      let p = first;
      for (let i = 0; i < count; i += 1) {
        if (id === 2) {
          const [module, afterModule] = readName(body, p);
          const [field, afterField] = readName(body, afterModule);
          const end = skipImportDescription(body, afterField);
          imported.add(field);
          entries.push(name(module), name(rename(field)), body.subarray(afterField, end));
          p = end;
        } else {
          const [field, afterField] = readName(body, p);
          const end = readLeb(body, afterField + 1)[1];
          entries.push(name(rename(field)), body.subarray(afterField, end));
          p = end;
        }
      }
      body = Buffer.concat(entries);
    }
    parts.push(Buffer.from([id]), leb(body.length), body);
  }
  return Buffer.concat(parts);
}

/** Shortens the generated names in `wasmPath` and in its glue `gluePath`, in place. */
export function shortenNames(wasmPath, gluePath) {
  const renames = new Map();
  const rename = (field) => {
    if (!GENERATED.test(field)) return field;
    if (!renames.has(field)) renames.set(field, `w${renames.size.toString(36)}`);
    return renames.get(field);
  };
  const imported = new Set();
  const wasm = rewriteSections(readFileSync(wasmPath), rename, imported);
  let glue = readFileSync(gluePath, 'utf8');
  for (const [long, short] of renames) {
    const uses = new RegExp(`(?<![\\w$])${long}(?![\\w$])`, 'g');
    if (imported.has(long) && !uses.test(glue)) throw new Error(`the glue does not provide the import ${long}`);
    glue = glue.replace(uses, short);
  }
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  return renames.size;
}
