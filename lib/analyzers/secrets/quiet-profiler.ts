// secretlint's process-wide profiler (which only serves its own `--profile` CLI flag)
// puts performance marks on Node's global timeline for every file it lints and never
// clears them, and its PerformanceObserver keeps every mark it sees in a list it searches
// linearly on each new mark: each lint costs more than the last and the heap grows
// (200 repos: +0.5 s, 2,000 repos: +15 s per page). Scanning switches it off, once per
// process, so no caller (CLI, server, worker, bench) has to remember to.
import { secretLintProfiler } from "@secretlint/profiler";

let quieted = false;

/** The lists the profiler's observer appends to (private in its typings; absent if the package changes shape). */
interface ProfilerLists {
  entries?: unknown;
  measures?: unknown;
}

/** A list that stays empty: the observer cannot be disconnected, only given nowhere to keep things. */
function discardPushes(list: unknown): void {
  if (!Array.isArray(list)) return;
  list.length = 0;
  Object.defineProperty(list, "push", { value: () => 0, configurable: true, writable: true });
}

/** Idempotent: stops secretlint from recording marks, and its observer from keeping anyone else's. */
export function quietSecretlintProfiler(): void {
  if (quieted) return;
  quieted = true;
  secretLintProfiler.mark = () => undefined;
  const lists = secretLintProfiler as unknown as ProfilerLists;
  discardPushes(lists.entries);
  discardPushes(lists.measures);
}
