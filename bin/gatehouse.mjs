#!/usr/bin/env node
// Entry point for `npx gatehouse`. The CLI is TypeScript shared with the app, so tsx's
// ESM loader is registered here (with the project's tsconfig, for the `@/` alias) rather
// than shipping a separate build.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// `evidence` reaches the data layer, whose modules import "server-only": that package
// is empty only under the react-server condition, which must be set when node starts.
if (process.argv[2] === "evidence" && !process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: "inherit",
    },
  );
  process.exit(child.status ?? 3);
}

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
