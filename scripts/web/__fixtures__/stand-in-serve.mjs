// serve.mjs with the stand-in worker and a short back-off, so the tests see replacements
// and a crash loop's growing pauses without waiting seconds.
import { fileURLToPath } from "node:url";
import { runLauncher } from "../launcher.mjs";

runLauncher({
  exec: fileURLToPath(new URL("./stand-in-worker.mjs", import.meta.url)),
  args: process.argv.slice(2),
  backoff: { baseMs: 10, maxMs: 40, resetAfterMs: 60_000, maxFailures: 4 },
});
