// @ts-check
// The node:cluster primary behind `scripts/web/serve.mjs`. Next.js renders in one Node
// process, so one process per core is what lets a 2-core host use both cores. Workers share
// one listening port: the primary accepts and hands connections round-robin. Sessions and
// the rate limiter live in Postgres, so any worker may answer any request.
import cluster from "node:cluster";
import os from "node:os";
import { parseWebProcesses } from "./web-processes.mjs";

/**
 * @typedef {object} Backoff
 * @property {number} baseMs pause before the first replacement of a slot's worker
 * @property {number} maxMs the pause doubles per failure in a row, up to this
 * @property {number} resetAfterMs a worker that lived this long was healthy: its slot's count restarts
 * @property {number} maxFailures this many failures in a row in one slot stop the launcher (exit 1)
 */

/**
 * A crash loop (a bad build, an unreachable dependency at start-up) must not spin the CPU,
 * and must end eventually so that the supervisor (Docker's restart policy, systemd) sees it:
 * 1, 2, 4, 8 s, then the fifth failure in a row stops everything, as a bare `next start` would.
 * @type {Backoff}
 */
export const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 30_000, resetAfterMs: 60_000, maxFailures: 5 };

/**
 * @param {object} opts
 * @param {string} opts.exec the worker's script (Next's CLI; a stand-in in tests)
 * @param {string[]} opts.args the worker's arguments
 * @param {Backoff} [opts.backoff]
 */
export function runLauncher({ exec, args, backoff = DEFAULT_BACKOFF }) {
  const log = (/** @type {string} */ line) => console.error(`gatehouse-web: ${line}`);
  let count;
  try {
    count = parseWebProcesses(process.env.GATEHOUSE_WEB_PROCESSES, os.availableParallelism());
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  process.title = "gatehouse-web";
  cluster.setupPrimary({ exec, args });

  /** @type {Map<import("node:cluster").Worker, { slot: number, startedAt: number }>} */
  const live = new Map();
  /** @type {number[]} failures in a row, per slot */
  const failures = Array.from({ length: count }, () => 0);
  /** @type {Set<NodeJS.Timeout>} */
  const pending = new Set();
  let stopping = false;
  let exitCode = 0;

  const fork = (/** @type {number} */ slot) => live.set(cluster.fork(), { slot, startedAt: Date.now() });

  const stop = (/** @type {NodeJS.Signals} */ signal, /** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
    log(`stopping ${live.size} web process(es) with ${signal}`);
    // Each worker is Next's CLI: on the signal it stops accepting, finishes its requests
    // and exits. The primary waits for all of them (an interactive Ctrl-C also reaches the
    // workers directly; Next ignores the second signal).
    for (const worker of live.keys()) worker.process.kill(signal);
    if (live.size === 0) process.exit(exitCode);
  };

  cluster.on("exit", (worker, code, signal) => {
    const info = live.get(worker);
    if (!info) return;
    live.delete(worker);
    if (stopping) {
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    const lived = Date.now() - info.startedAt;
    const inARow = lived >= backoff.resetAfterMs ? 1 : failures[info.slot] + 1;
    failures[info.slot] = inARow;
    const how = `web process ${worker.process.pid} exited (${signal ? `signal ${signal}` : `code ${code}`})`;
    if (inARow >= backoff.maxFailures) {
      log(`${how}, its slot's failure ${inARow} in a row: giving up`);
      stop("SIGTERM", 1);
      return;
    }
    const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (inARow - 1));
    log(`${how}; replacing it in ${delay} ms`);
    const timer = setTimeout(() => {
      pending.delete(timer);
      fork(info.slot);
    }, delay);
    pending.add(timer);
  });

  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("SIGINT", () => stop("SIGINT", 0));
  log(`starting ${count} web process(es)`);
  for (let slot = 0; slot < count; slot++) fork(slot);
}
