import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface SimProcess {
  url: string;
  login: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Starts sim-main.ts in a child process (its memory and CPU are not the caller's). */
export function startSimProcess(repos: number): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "testing/sync/sim-main.ts"), String(repos)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`simulator exited (${code}) before it was ready`)));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /SIMULATOR (\S+) (\S+) (\S+)/.exec(out);
      if (!m) return;
      resolve({
        url: m[1]!,
        login: m[2]!,
        token: m[3]!,
        child,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
