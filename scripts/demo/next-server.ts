// Builds the app when there is no build yet, then serves it with `next start`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export function ensureBuilt(): void {
  if (existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  console.log("Building the dashboard (first run only, about a minute)…");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export function startNext(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
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
