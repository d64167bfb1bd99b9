import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

// Scale out (issue 8): two workers share a sync, then two production web processes serve
// the one Postgres (scripts/proofs/web-pair.ts starts all of it). Nothing a request
// relies on may live in one process's memory: a session signed in through one process
// works on the other, the API budget is one budget, and both serve the same answers.
// Both processes listen on 127.0.0.1, so Chromium sends the one cookie to both, as
// it would behind a load balancer.
const PORT_BASE = Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? 3100);

interface Fleet {
  urls: [string, string];
  readKey: string;
  limitedKeys: string[];
  apiRateLimit: number;
  repo: { fullName: string; overall: number | null; grade: string | null };
  counts: { repositories: number; scores: number; batches: number; batchesDone: number; deadLetters: number };
  batchAttempts: number[];
  committedBy: string[];
}

let child: ChildProcess;
let fleet: Fleet;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // A 200-repository sync by two workers and two `next start`s on a loaded machine.
  test.setTimeout(600_000);
  child = spawn(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/proofs/web-pair.ts",
      "200",
      String(PORT_BASE + 10),
      String(PORT_BASE + 11),
      "6",
    ],
    // stdin stays open while this runner lives: the fleet cleans up when it closes.
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  let out = "";
  fleet = await new Promise<Fleet>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = /^FLEET (.+)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]!) as Fleet);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`the fleet exited (${code}) before serving:\n${out}`)));
  });
});

test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.on("exit", r));
  child.kill("SIGTERM");
  await exited;
});

test("the sync behind both web processes was shared by two workers, each batch run once", () => {
  expect(fleet.counts).toMatchObject({
    repositories: 200,
    scores: 200,
    batches: 2,
    batchesDone: 2,
    deadLetters: 0,
  });
  expect(fleet.batchAttempts).toEqual([1, 1]);
  expect(fleet.committedBy.sort()).toEqual(["alpha", "bravo"]);
});

test("a session signed in through one web process works on the other, and signing out on it ends it on both", async ({
  page,
}) => {
  const [a, b] = fleet.urls;
  await signInAs(page, "carol", a);
  await page.goto(`${b}/`);
  await expect(page.getByTestId("current-user")).toContainText("carol");
  await signOut(page);
  await page.goto(`${a}/`);
  await expect(page).toHaveURL(/\/signin/);
});

test("the API rate limit is one budget across both web processes: 429 at exactly the shared limit", async ({
  request,
}) => {
  const limit = fleet.apiRateLimit;
  // The budget is a fixed one-minute window. Should a minute end mid-sequence the window
  // legitimately restarts, so that attempt is void and the next one (a fresh key, from a
  // fresh address) runs in a whole window; what is asserted never depends on the time.
  for (const [attempt, key] of fleet.limitedKeys.entries()) {
    const minute = Math.floor(Date.now() / 60_000);
    const answers: Array<{ status: number; retryAfter: string | null }> = [];
    for (let i = 0; i < limit + 2; i++) {
      // Alternate between the processes: neither sees more than half the requests.
      const res = await request.get(`${fleet.urls[i % 2]}/api/v1/orgs`, {
        headers: { authorization: `Bearer ${key}`, "x-forwarded-for": `192.0.2.${attempt + 1}` },
      });
      answers.push({ status: res.status(), retryAfter: res.headers()["retry-after"] ?? null });
    }
    if (Math.floor(Date.now() / 60_000) !== minute) continue;
    expect(answers.map((a) => a.status)).toEqual([...Array<number>(limit).fill(200), 429, 429]);
    for (const refused of answers.slice(limit)) expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    return;
  }
  throw new Error("every attempt straddled a minute boundary");
});

test("both web processes give the same repository answer, API and page, after the sync", async ({
  request,
  page,
}) => {
  const [owner, name] = fleet.repo.fullName.split("/");
  const bodies = [];
  for (const url of fleet.urls) {
    const res = await request.get(`${url}/api/v1/repos/${owner}/${name}`, {
      headers: { authorization: `Bearer ${fleet.readKey}` },
    });
    expect(res.status()).toBe(200);
    bodies.push(await res.json());
  }
  expect(bodies[1]).toEqual(bodies[0]);
  expect(bodies[0]).toMatchObject({
    data: { fullName: fleet.repo.fullName, score: { overall: fleet.repo.overall, grade: fleet.repo.grade } },
  });

  const [a, b] = fleet.urls;
  await signInAs(page, "dave", a);
  const pages = [];
  for (const url of [a, b]) {
    await page.goto(`${url}/repos/${fleet.repo.fullName}`);
    await expect(page.getByRole("heading", { level: 1, name: fleet.repo.fullName })).toBeVisible();
    await expect(page.getByTestId("overall-score")).toContainText(String(fleet.repo.overall));
    pages.push(await page.locator("main").innerText());
  }
  expect(pages[1]).toBe(pages[0]);
});
