// Loads Prisma's schema engine compiled to WebAssembly without Node's
// --experimental-wasm-modules flag: we instantiate the .wasm ourselves and hand it to
// the wasm-bindgen glue. Used only to compute migration SQL offline (db-diff).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

// The wasm-bindgen glue is a module-level singleton: instantiate once per process.
let loaded;

export function loadSchemaEngine() {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(bgPath);
  const bg = await import(bgPath);
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}
