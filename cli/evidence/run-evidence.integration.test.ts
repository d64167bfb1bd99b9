// `gatehouse evidence export` and `public-key` against a real Postgres, then `gatehouse
// verify` on the result: the same pack the job builds, accepted with the instance key.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/db";
import { makeFacts, makeOrg } from "../../testing/facts";
import { createRepoWithFacts } from "../../testing/seed-repo";
import { setDb } from "../../lib/db";
import { systemActor } from "../../lib/server/authz/actor";
import { scoreOrganization } from "../../lib/server/scores/score-organization";
import { runVerify } from "../verify/run-verify";
import { runEvidence } from "./run-evidence";

let db: TestDatabase;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "gatehouse-cli-evidence-"));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  env = { DATABASE_URL: db.url, GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  const org = await db.prisma.organization.create({ data: { login: "acme" } });
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: org.id,
      facts: JSON.parse(
        JSON.stringify({
          settings: makeOrg({ login: "acme" }),
          secrets: [],
          alerts: { secretScanning: {}, dependabot: {} },
          actionAdvisories: [],
        }),
      ),
    },
  });
  for (const name of ["api", "web"])
    await createRepoWithFacts(db.prisma, org.id, `acme/${name}`, makeFacts({ name }), {
      syncedAt: new Date(),
    });
  await scoreOrganization(systemActor("sync"), {
    organizationId: org.id,
    now: new Date("2026-04-01T00:00:00Z"),
  });
}, 60_000);

afterAll(async () => db?.drop());

describe("gatehouse evidence", () => {
  it("exports a pack that gatehouse verify accepts with the printed public key", async () => {
    const key = capture();
    expect(await runEvidence(["public-key"], key.io, env)).toBe(0);
    expect(key.out()).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const keyPath = join(dir, "instance.pem");
    writeFileSync(keyPath, key.out());
    setDb(db.prisma); // runEvidence disconnects its own client; the test keeps using this one

    const out = join(dir, "pack.zip");
    const exp = capture();
    const code = await runEvidence(
      ["export", "--framework", "iso27001", "--as-of", "2026-04-02", "--scope", "acme/a*", "--out", out],
      exp.io,
      env,
      new Date("2026-05-01T00:00:00Z"),
    );
    expect([code, exp.err()]).toEqual([0, ""]);
    expect(exp.out()).toMatch(/wrote .*pack\.zip: 11 files, 1 repositories/);
    setDb(db.prisma);

    const ver = capture();
    expect(await runVerify([out, "--key", keyPath], ver.io)).toBe(0);
    expect(ver.out()).toMatch(/iso27001 as of 2026-04-02T23:59:59.999Z/);
    expect(await db.prisma.auditLogEntry.count({ where: { action: "evidence.exported" } })).toBe(1);
  });

  it("refuses a bad framework or a missing --out with exit 2", async () => {
    const c = capture();
    expect(await runEvidence(["export", "--framework", "pci", "--out", "x.zip"], c.io, env)).toBe(2);
    expect(c.err()).toContain("--framework must be one of");
    setDb(db.prisma);
    expect(await runEvidence(["export", "--framework", "soc2"], capture().io, env)).toBe(2);
    setDb(db.prisma);
  });

  it("runs from the gatehouse command itself (bin re-executes under react-server)", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["bin/gatehouse.mjs", "evidence", "public-key"],
      {
        env: { ...process.env, ...env },
      },
    );
    expect(stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});
