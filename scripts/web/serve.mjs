// @ts-check
// The production web server: `node scripts/web/serve.mjs [next start options]` runs
// GATEHOUSE_WEB_PROCESSES copies of `next start` on one port (docs/deployment.md, "Web
// processes"). Each worker is Next's own CLI, so headers, proxy.ts, instrumentation and
// Next's graceful shutdown behave exactly as under a bare `next start`.
import { createRequire } from "node:module";
import { runLauncher } from "./launcher.mjs";

runLauncher({
  exec: createRequire(import.meta.url).resolve("next/dist/bin/next"),
  args: ["start", ...process.argv.slice(2)],
});
