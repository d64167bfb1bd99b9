#!/usr/bin/env node
// Entry point for `npx gatehouse`. The CLI is TypeScript shared with the app, so tsx's
// ESM loader is registered here (with the project's tsconfig, for the `@/` alias) rather
// than shipping a separate build.
import { register as registerHooks } from "node:module";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
// The data layer marks its modules "server-only" (a guard against bundling them into
// browser code); this command is server code, so it resolves that marker as a server does.
registerHooks(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier !== "server-only") return next(specifier, context);
      return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
    }`),
);

const { main } = await import("../cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(
    `gatehouse: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 3;
}
