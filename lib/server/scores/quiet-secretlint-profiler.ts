// secretlint's profiler records performance marks on Node's global timeline for every
// file it lints and never clears them; its observer then measures against the growing
// buffer, so each lint costs more than the last (200 repos: +0.5 s, 2,000 repos: +15 s
// per page, and the heap grows). Scoring runs inside the long-lived web server (policy
// changes) and the sync worker, so the profiler, which only serves secretlint's own
// `--profile` CLI flag, is switched off for this process.
// TODO(lead): move this next to lintSource in lib/analyzers/secrets/scan-secrets.ts so
// `gatehouse scan` benefits too.
import { secretLintProfiler } from "@secretlint/profiler";

let quieted = false;

export function quietSecretlintProfiler(): void {
  if (quieted) return;
  quieted = true;
  secretLintProfiler.mark = () => undefined;
}
