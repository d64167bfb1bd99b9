// Property: policy exceptions have limits, enforced where policies are saved: a maximum
// lifetime (GATEHOUSE_MAX_EXCEPTION_DAYS, default 365) and no "*/*" scope unless a
// security lead confirms it explicitly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { upsertGitHubUser } from "../../../prisma/seed/factories";
import { setDb } from "../../db";
import { stopSenderBoss, useSenderBoss } from "../../../testing/sender-boss";
import type { Actor } from "../authz/actor";
import { addPolicyException } from "./add-policy-exception";
import { getActivePolicy } from "./get-active-policy";
import { updatePolicy } from "./update-policy";

let db: TestDatabase;
let lead: Actor;
const now = new Date("2026-03-01T00:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url); // saving the policy queues its re-scoring
  const s = await upsertGitHubUser(
    db.prisma,
    { id: 21, login: "sam", name: null, email: null },
    "security_lead",
  );
  lead = { userId: s.id, login: "sam", role: "security_lead", ip: null, userAgent: null };
});
afterAll(async () => {
  await stopSenderBoss();
  await db?.drop();
});

const exception = (repo: string, expiresAt: string) => ({
  checkId: "signed-commits",
  repo,
  justification: "Bots cannot sign commits yet",
  expiresAt,
  now,
});

describe("policy exception limits", () => {
  it("refuses an exception lasting longer than the maximum, and saves nothing", async () => {
    const before = (await getActivePolicy(lead)).version;
    await expect(addPolicyException(lead, exception("acme/api", "2027-03-02"))).rejects.toMatchObject({
      code: "invalid",
      issues: [
        expect.stringMatching(/^exceptions\.EX-\d+-1\.expiresAt: an exception may last at most 365 days/),
      ],
    });
    expect((await getActivePolicy(lead)).version).toBe(before);
    await expect(addPolicyException(lead, exception("acme/api", "2027-03-01"))).resolves.toMatchObject({
      changed: true,
    });
  });

  it("honours GATEHOUSE_MAX_EXCEPTION_DAYS", async () => {
    process.env.GATEHOUSE_MAX_EXCEPTION_DAYS = "30";
    try {
      await expect(addPolicyException(lead, exception("acme/web", "2026-04-15"))).rejects.toMatchObject({
        code: "invalid",
      });
    } finally {
      delete process.env.GATEHOUSE_MAX_EXCEPTION_DAYS;
    }
  });

  it("refuses */* unless a security lead confirms it in the exception", async () => {
    await expect(addPolicyException(lead, exception("*/*", "2026-06-01"))).rejects.toMatchObject({
      issues: [expect.stringMatching(/covers every repository/)],
    });
    const current = (await getActivePolicy(lead)).policy;
    const confirmed = {
      ...current,
      exceptions: [
        ...current.exceptions,
        {
          id: "EX-ALL",
          checkId: "signed-commits",
          repo: "*/*",
          justification: "Org-wide: bots cannot sign commits yet",
          approver: "sam",
          expiresAt: "2026-06-01T00:00:00Z",
          confirmedAllRepositories: true,
        },
      ],
    };
    const saved = await updatePolicy(lead, { policy: confirmed, now });
    expect(saved).toMatchObject({ changed: true });
    const stored = (await getActivePolicy(lead)).policy.exceptions.find((e) => e.id === "EX-ALL");
    expect(stored).toMatchObject({ repo: "*/*", confirmedAllRepositories: true, requestedBy: "sam" });
  });
});
