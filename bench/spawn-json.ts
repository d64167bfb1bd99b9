// Runs a bench script in its own Node process (with the worker's flags: lib/server is
// "server-only") and parses the one result line it prints after `marker`.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function spawnForResult(
  script: string,
  args: string[],
  marker: string,
  nodeFlags: string[] = [],
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeFlags, "--conditions=react-server", "--import", "tsx", path.join(ROOT, script), ...args],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(`${marker} `));
      if (code !== 0 || !line) return reject(new Error(`${script} failed with exit ${code}`));
      resolve(JSON.parse(line.slice(marker.length + 1)));
    });
  });
}
