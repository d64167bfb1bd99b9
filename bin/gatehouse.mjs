#!/usr/bin/env node
// Entry point for `npx gatehouse`. The CLI is TypeScript shared with the app, so tsx's
// ESM loader is registered here (with the project's tsconfig, for the `@/` alias) rather
// than shipping a separate build.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });

const { main } = await import("../cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(
    `gatehouse: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 3;
}
