// The web launcher (scripts/web/launcher.mjs) over a stand-in for `next start`, so no
// build is needed: workers share one port, a crashed one is replaced after a pause that
// grows in a crash loop, a bad GATEHOUSE_WEB_PROCESSES stops start-up naming it, and
// SIGTERM/SIGINT stop every worker gracefully with exit 0. The same launcher over the
// real build: e2e/web-launcher-runs-several-processes.spec.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";

const SERVE = "scripts/web/__fixtures__/stand-in-serve.mjs";
const ARGS = ["-H", "127.0.0.1", "-p", "0"];

interface Launcher {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const started: Launcher[] = [];

function launch(env: Record<string, string | undefined>): Launcher {
  const child = spawn(process.execPath, [SERVE, ...ARGS], {
    env: { ...process.env, GATEHOUSE_WEB_PROCESSES: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const launcher = { child, output: () => out, exited };
  started.push(launcher);
  return launcher;
}

/** The launcher's live children, as the operating system sees them. */
function workers(primary: number): number[] {
  const r = spawnSync("ps", ["--ppid", String(primary), "-o", "pid="], { encoding: "utf8" });
  return r.stdout
    .split("\n")
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

async function listeningPort(l: Launcher, count: number): Promise<number> {
  return vi.waitFor(
    () => {
      const ports = [...l.output().matchAll(/listening on (\d+)/g)].map((m) => Number(m[1]));
      expect(ports.length).toBeGreaterThanOrEqual(count);
      return ports[0]!;
    },
    { timeout: 30_000, interval: 50 },
  );
}

/** One request on a fresh connection (no keep-alive), so the primary hands each to the next worker. */
function ask(port: number): Promise<{ pid: number; argv: string[] }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve(JSON.parse(body) as { pid: number; argv: string[] }));
      })
      .on("error", reject);
  });
}

async function answeringPids(port: number, expected: number[]): Promise<void> {
  const seen = new Set<number>();
  await vi.waitFor(
    async () => {
      seen.add((await ask(port)).pid);
      expect([...seen].sort((a, b) => a - b)).toEqual(expected);
    },
    { timeout: 30_000, interval: 10 },
  );
}

afterEach(() => {
  for (const l of started.splice(0)) {
    if (l.child.exitCode !== null || l.child.signalCode !== null) continue;
    for (const pid of workers(l.child.pid!)) process.kill(pid, "SIGKILL");
    l.child.kill("SIGKILL");
  }
});

describe("web launcher", () => {
  it("runs GATEHOUSE_WEB_PROCESSES workers on one port, each given next start's arguments, and SIGTERM stops them all gracefully with exit 0", async () => {
    const l = launch({ GATEHOUSE_WEB_PROCESSES: "2" });
    const port = await listeningPort(l, 2);
    const pids = workers(l.child.pid!);
    expect(pids).toHaveLength(2);
    await answeringPids(port, pids);
    expect((await ask(port)).argv).toEqual(ARGS);

    l.child.kill("SIGTERM");
    expect(await l.exited).toBe(0);
    for (const pid of pids) expect(l.output()).toContain(`stand-in ${pid} closed after SIGTERM`);
  });

  it("replaces a crashed worker while the other keeps answering; SIGINT stops both with exit 0", async () => {
    const l = launch({ GATEHOUSE_WEB_PROCESSES: "2" });
    const port = await listeningPort(l, 2);
    const [crashed, survivor] = workers(l.child.pid!) as [number, number];
    process.kill(crashed, "SIGKILL");
    await vi.waitFor(() => expect(workers(l.child.pid!)).not.toContain(crashed), { interval: 10 });
    for (let i = 0; i < 4; i++) expect((await ask(port)).pid).not.toBe(crashed);

    const replacement = await vi.waitFor(
      () => {
        const now = workers(l.child.pid!).filter((pid) => pid !== survivor);
        expect(now).toHaveLength(1);
        return now[0]!;
      },
      { timeout: 30_000, interval: 20 },
    );
    expect(l.output()).toMatch(
      new RegExp(`web process ${crashed} exited \\(signal SIGKILL\\); replacing it in 10 ms`),
    );
    await answeringPids(
      port,
      [replacement, survivor].sort((a, b) => a - b),
    );

    l.child.kill("SIGINT");
    expect(await l.exited).toBe(0);
    expect(l.output()).toContain(`stand-in ${survivor} closed after SIGINT`);
  });

  it("waits longer after each failure of a crash loop, then gives up with exit 1", async () => {
    const l = launch({ GATEHOUSE_WEB_PROCESSES: "1", STAND_IN_FAIL_AT_START: "1" });
    expect(await l.exited).toBe(1);
    const waits = [...l.output().matchAll(/replacing it in (\d+) ms/g)].map((m) => Number(m[1]));
    expect(waits).toEqual([10, 20, 40]);
    expect(l.output()).toMatch(/failure 4 in a row: giving up/);
  });

  it("runs one worker per core when GATEHOUSE_WEB_PROCESSES is unset or empty", async () => {
    const l = launch({ GATEHOUSE_WEB_PROCESSES: "" });
    await listeningPort(l, os.availableParallelism());
    expect(l.output()).toContain(`starting ${os.availableParallelism()} web process(es)`);
    l.child.kill("SIGTERM");
    expect(await l.exited).toBe(0);
  });

  it.each(["0", "65", "two", "1.5", "-1"])(
    "refuses GATEHOUSE_WEB_PROCESSES=%s at start-up, naming the variable, before forking",
    (value) => {
      const r = spawnSync(process.execPath, [SERVE, ...ARGS], {
        env: { ...process.env, GATEHOUSE_WEB_PROCESSES: value },
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`GATEHOUSE_WEB_PROCESSES is invalid: "${value}"`);
      expect(r.stderr).not.toContain("starting");
    },
  );
});
