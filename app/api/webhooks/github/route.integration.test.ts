import { randomBytes, randomUUID } from "node:crypto";
import { Webhooks } from "@octokit/webhooks";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { QUEUE_REQUEST } from "@/lib/sync/jobs/queues";
import { createTestDatabase, type TestDatabase } from "@/testing/db";

// The webhook route with a real database and pg-boss queue: a bad signature is refused
// with 401 and enqueues nothing; a signed push touching a workflow queues a targeted resync;
// a replayed delivery, a body over the bound and signed non-JSON are refused.

const SECRET = "whsec_" + randomBytes(12).toString("hex");
let db: TestDatabase;
let boss: PgBoss;
let POST: (req: Request) => Promise<Response>;

const payload = {
  ref: "refs/heads/main",
  repository: { node_id: "R_api", name: "api", default_branch: "main", owner: { login: "acme" } },
  organization: { login: "acme" },
  commits: [{ added: [], modified: [".github/workflows/ci.yml"], removed: [] }],
};

async function deliver(
  body: string | ReadableStream<Uint8Array>,
  signature: string | null,
  event = "push",
  delivery: string = randomUUID(),
  ip = "203.0.113.7",
) {
  const headers = new Headers({
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": delivery,
    "x-forwarded-for": ip,
  });
  if (signature) headers.set("x-hub-signature-256", signature);
  const init = { method: "POST", headers, body, duplex: "half" } as RequestInit;
  return POST(new Request("http://127.0.0.1/api/webhooks/github", init));
}

async function queued(): Promise<number> {
  return boss.getQueueSize(QUEUE_REQUEST);
}

beforeAll(async () => {
  db = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    GITHUB_CLIENT_ID: "x",
    GITHUB_CLIENT_SECRET: "y",
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    GITHUB_WEBHOOK_SECRET: SECRET,
  });
  ({ POST } = await import("./route"));
  await db.prisma.organization.create({ data: { login: "acme" } });
  boss = new PgBoss({ connectionString: db.url, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  // The route's sender creates the queues on first use.
  await deliver("{}", "sha256=00");
}, 60_000);
afterAll(async () => {
  await boss?.stop({ graceful: false, close: true }).catch(() => {});
  const g = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };
  await (await g.gatehouseBoss)?.stop({ graceful: false, close: true }).catch(() => {});
  await db?.drop();
});
beforeEach(async () => {
  await boss.purgeQueue(QUEUE_REQUEST).catch(() => {});
});

describe("POST /api/webhooks/github", () => {
  it("rejects a bad signature with 401 and enqueues nothing", async () => {
    const body = JSON.stringify(payload);
    const forged = await new Webhooks({ secret: "not-the-secret" }).sign(body);
    expect((await deliver(body, forged)).status).toBe(401);
    expect((await deliver(body, null)).status).toBe(401);
    const tampered = await new Webhooks({ secret: SECRET }).sign(body);
    expect((await deliver(body.replace("ci.yml", "cd.yml"), tampered)).status).toBe(401);
    expect(await queued()).toBe(0);
  });

  it("queues a targeted resync for a signed push touching a workflow", async () => {
    const body = JSON.stringify(payload);
    const res = await deliver(body, await new Webhooks({ secret: SECRET }).sign(body));
    expect(res.status).toBe(202);
    expect(await queued()).toBe(1);
    const [job] = await boss.fetch<{ kind: string; targets: string[]; trigger: string }>(QUEUE_REQUEST);
    expect(job?.data).toMatchObject({ kind: "targeted", targets: ["R_api"], trigger: "webhook" });
  });

  it("also accepts the organisation connection's own webhook secret", async () => {
    const orgSecret = "org-hook-secret-" + randomBytes(8).toString("hex");
    const { saveConnection } = await import("@/lib/sync/connection");
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { login: "acme" } });
    await saveConnection(db.prisma, Buffer.from(process.env.GATEHOUSE_ENCRYPTION_KEY!, "base64"), {
      organizationId: org.id,
      baseUrl: "https://api.github.com",
      credentials: { kind: "token", token: "ghp_x" },
      webhookSecret: orgSecret,
    });
    const body = JSON.stringify({
      action: "created",
      repository: payload.repository,
      organization: { login: "acme" },
    });
    const res = await deliver(
      body,
      await new Webhooks({ secret: orgSecret }).sign(body),
      "branch_protection_rule",
    );
    expect(res.status).toBe(202);
    expect(await queued()).toBe(1);
  });

  it("accepts but ignores signed events that do not affect facts", async () => {
    const body = JSON.stringify({
      ...payload,
      commits: [{ added: [], modified: ["src/app.ts"], removed: [] }],
    });
    const res = await deliver(body, await new Webhooks({ secret: SECRET }).sign(body));
    expect(res.status).toBe(202);
    expect(((await res.json()) as { message: string }).message).toMatch(/ignored/);
    expect(await queued()).toBe(0);
  });

  it("refuses a replayed delivery id: the same signed delivery is queued once", async () => {
    const body = JSON.stringify(payload);
    const signature = await new Webhooks({ secret: SECRET }).sign(body);
    const id = randomUUID();
    expect((await deliver(body, signature, "push", id)).status).toBe(202);
    const replay = await deliver(body, signature, "push", id);
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { message: string }).message).toMatch(/x-github-delivery/);
    expect((await deliver(body, signature, "push", id)).status).toBe(409);
    expect(await queued()).toBe(1);
  });

  it("answers 400 naming the body to a signed delivery that is not JSON", async () => {
    const body = "ref=refs/heads/main&not=json";
    const res = await deliver(body, await new Webhooks({ secret: SECRET }).sign(body));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^body: not valid JSON/);
    expect(await queued()).toBe(0);
  });

  it("refuses a body over the bound with 413 before reading it all", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20); // 1 MiB of spaces
    let pulled = 0;
    const twentyMiB = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await deliver(twentyMiB, "sha256=00");
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(await queued()).toBe(0);
  });

  it("audits signature failures in aggregate: one row, then one 'rate limited' row, then counts", async () => {
    const ip = "198.51.100.9";
    const body = JSON.stringify(payload);
    const forged = await new Webhooks({ secret: "not-the-secret" }).sign(body);
    for (let i = 0; i < 5; i++)
      expect((await deliver(body, forged, "push", randomUUID(), ip)).status).toBe(401);
    const rows = await db.prisma.auditLogEntry.findMany({ where: { ip }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["webhook.signature_failed", "rate_limit.exceeded"]);
    const counter = await db.prisma.rateLimitCounter.findFirstOrThrow({
      where: { key: `webhook-bad-signature:${ip}` },
    });
    expect(counter.count).toBe(5);
  });
});
