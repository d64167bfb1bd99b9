// Builds the app when there is no build or the sources changed since the last one
// (after a `git pull`, say), then serves it as production does: `scripts/web/serve.mjs`,
// GATEHOUSE_WEB_PROCESSES copies of `next start` on one port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const WEB_LAUNCHER = path.join(process.cwd(), "scripts", "web", "serve.mjs");

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
];

/** A cheap fingerprint of what the build reads: every input file's path, size and mtime. */
function sourceStamp(root: string): string {
  const hash = createHash("sha256");
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort())
        if (name !== "node_modules" && !name.startsWith(".")) walk(path.join(rel, name));
    } else {
      hash.update(`${rel}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) walk(input);
  return hash.digest("hex");
}

export function ensureBuilt(): void {
  const root = process.cwd();
  const stampFile = path.join(root, ".next", "gatehouse-source-stamp");
  const stamp = sourceStamp(root);
  const built =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp;
  if (built) return;
  console.log("Building the dashboard (about a minute; only when the sources changed)…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  // The build may touch its own inputs (Next rewrites tsconfig.json): stamp what it left.
  writeFileSync(stampFile, sourceStamp(root));
}

/** The launcher's process: SIGTERM or SIGINT stops its workers gracefully, then it exits 0. */
export function startNext(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [WEB_LAUNCHER, "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000}s`);
}
