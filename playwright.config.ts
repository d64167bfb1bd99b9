import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

// Two servers, both started by the demo runner exactly as a user would start it:
//  - "postgres": the real Postgres at DATABASE_URL (a fresh database for this run)
//  - "embedded": no DATABASE_URL at all, so the demo falls back to embedded PGlite
// Each serves the e2e org from its own GitHub simulator. Chromium is Debian's.
// `npm run test:e2e` builds once first; the servers never build (--no-build).
const POSTGRES_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
// GATEHOUSE_E2E_PORT_BASE lets several checkouts run their journeys side by side.
const PORT_BASE = Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? 3100);
export const PORTS = { postgres: PORT_BASE, embedded: PORT_BASE + 100 };
/** The postgres server's GitHub simulator, with its test-only push route (e2e/support/simulator.ts). */
export const SIMULATOR_PORT = PORT_BASE + 50;
const demo = (port: number, extra: string) =>
  `node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/demo.ts --no-build --port ${port} --fixture e2e/fixtures/org ${extra}`;
// Every journey signs in from 127.0.0.1, several times a minute: the per-IP sign-in budget
// (30 a minute by default) is for real clients, not for one test runner.
// One web process per demo server: the journeys run one at a time, so a second process
// would only double start-up and memory on the 2-core CI machine. Several processes are
// proven by their own specs (web-launcher-runs-several-processes, two-web-processes-…).
const E2E_ENV = { GATEHOUSE_SIGN_IN_RATE_LIMIT: "100000", GATEHOUSE_WEB_PROCESSES: "1" };
const embeddedDir = path.join(os.tmpdir(), `gatehouse-e2e-embedded-${process.pid}`);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.postgres}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: demo(
        PORTS.postgres,
        `--fresh-database --data-dir .data/e2e --simulator-port ${SIMULATOR_PORT} --simulator-test-hooks`,
      ),
      url: `http://127.0.0.1:${PORTS.postgres}/api/health`,
      env: { ...E2E_ENV, DATABASE_URL: POSTGRES_URL },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: demo(PORTS.embedded, `--data-dir ${embeddedDir}`),
      url: `http://127.0.0.1:${PORTS.embedded}/api/health`,
      env: { ...E2E_ENV, DATABASE_URL: "" },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
