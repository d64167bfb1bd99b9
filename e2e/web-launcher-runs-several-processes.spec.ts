import { spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startNext, waitForHealthy } from "../scripts/demo/next-server";
import { CANARY_ENV } from "../testing/canary";

// The production web server is several Node processes (issues 9, 11): the launcher
// (scripts/web/serve.mjs, which the demo, the bench, `npm start` and the image all run)
// forks GATEHOUSE_WEB_PROCESSES copies of `next start` over the real build, on one port.
// The launcher's other behaviour over a stand-in worker: scripts/web/launcher.integration.test.ts.
const PORT = Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? 3100) + 30;
const URL = `http://127.0.0.1:${PORT}`;
// /api/health only asks the database for `SELECT 1`: any database on the server will do.
const DATABASE_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

let launcher: ChildProcess;

/** The launcher's children, as the operating system sees them: its web processes. */
function webProcesses(): number[] {
  const ps = spawnSync("ps", ["--ppid", String(launcher.pid), "-o", "pid="], { encoding: "utf8" });
  return ps.stdout
    .split("\n")
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Asks /api/health on a fresh connection and returns the status and the pid of the web
 * process that holds the server end of it (found through /proc: the socket's inode, then
 * whose descriptor points at it), so the test knows which worker answered.
 */
function health(): Promise<{ status: number; pid: number | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${URL}/api/health`, { agent: new http.Agent({ keepAlive: true }) }, (res) => {
      res.resume();
      res.on("end", () => {
        const pid = serverPid(req.socket!.localPort!);
        req.socket!.destroy();
        resolve({ status: res.statusCode!, pid });
      });
    });
    req.on("error", reject);
  });
}

function serverPid(clientPort: number): number | undefined {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
  const row = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hex(PORT)}`) && f[2]?.endsWith(`:${hex(clientPort)}`));
  const socket = row && `socket:[${row[9]}]`;
  return webProcesses().find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === socket);
    } catch {
      return false; // exited meanwhile
    }
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  launcher = startNext(PORT, {
    ...CANARY_ENV,
    DATABASE_URL,
    DATABASE_POOL_MAX: "2",
    NEXTAUTH_URL: URL,
    GITHUB_CLIENT_ID: "e2e-launcher",
    GATEHOUSE_WEB_PROCESSES: "2",
    LOG_LEVEL: "warn",
  });
  await waitForHealthy(URL, launcher, 180_000);
});

test.afterAll(() => {
  if (launcher.exitCode === null && launcher.signalCode === null) {
    for (const pid of webProcesses()) process.kill(pid, "SIGKILL");
    launcher.kill("SIGKILL");
  }
});

/** Asks until every one of `pids` has answered /api/health, and only they did. */
async function allAnswer(pids: number[]): Promise<void> {
  const seen = new Set<number | undefined>();
  await expect
    .poll(
      async () => {
        const { status, pid } = await health();
        expect(status).toBe(200);
        seen.add(pid);
        return [...seen].sort((a, b) => (a ?? 0) - (b ?? 0));
      },
      { timeout: 120_000, intervals: [0] },
    )
    .toEqual(pids);
}

test("GATEHOUSE_WEB_PROCESSES=2 runs two Next processes under the launcher, and both answer on the one port", async () => {
  test.setTimeout(180_000);
  await expect.poll(webProcesses, { timeout: 60_000 }).toHaveLength(2);
  await allAnswer(webProcesses());
});

test("a killed web process is replaced, and the other keeps answering meanwhile", async () => {
  test.setTimeout(240_000);
  const [killed, survivor] = webProcesses() as [number, number];
  process.kill(killed, "SIGKILL");
  await expect.poll(webProcesses).not.toContain(killed);
  for (let i = 0; i < 4; i++) expect(await health()).toEqual({ status: 200, pid: survivor });

  await expect
    .poll(() => webProcesses().filter((pid) => pid !== survivor), { timeout: 120_000 })
    .toHaveLength(1);
  const [replacement] = webProcesses().filter((pid) => pid !== survivor) as [number];
  expect(replacement).not.toBe(killed);
  await allAnswer([replacement, survivor].sort((a, b) => a - b));
});

test("SIGTERM stops every web process and the launcher exits 0", async () => {
  test.setTimeout(120_000);
  const pids = webProcesses();
  const exited = new Promise<number | null>((resolve) => launcher.on("exit", (code) => resolve(code)));
  launcher.kill("SIGTERM");
  expect(await exited).toBe(0);
  for (const pid of pids) expect(() => process.kill(pid, 0), `web process ${pid}`).toThrow();
});
