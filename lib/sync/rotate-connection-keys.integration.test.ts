// Property: stored credentials are sealed by envelope, and master-key rotation re-wraps
// every record: after rotating, every credential decrypts under the new key only.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto/aead";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { loadConnection, saveConnection } from "./connection";
import { rotateConnectionKeys } from "./rotate-connection-keys";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const PEM = "-----BEGIN PRIVATE KEY-----\nMIIcanary\n-----END PRIVATE KEY-----";
let db: TestDatabase;
const orgs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 0; i < 4; i++) {
    const org = await db.prisma.organization.create({ data: { login: `rot-${i}` } });
    orgs.push(org.id);
  }
  await saveConnection(db.prisma, oldKey, {
    organizationId: orgs[0]!,
    baseUrl: "https://api.github.com",
    credentials: { kind: "token", token: "ghp_token_zero" },
  });
  await saveConnection(db.prisma, oldKey, {
    organizationId: orgs[1]!,
    baseUrl: "https://ghe.example.com/api/v3",
    credentials: { kind: "app", appId: 7, installationId: 8, privateKey: PEM },
    webhookSecret: "webhook-secret-one-1234",
  });
  await saveConnection(db.prisma, oldKey, {
    organizationId: orgs[2]!,
    baseUrl: "https://api.github.com",
    credentials: { kind: "token", token: "ghp_token_two" },
    webhookSecret: "webhook-secret-two-1234",
  });
  // A record from before envelopes: sealed straight under the master key.
  const id = "legacy-connection";
  await db.prisma.gitHubConnection.create({
    data: {
      id,
      organizationId: orgs[3]!,
      kind: "token",
      baseUrl: "https://api.github.com",
      secretCiphertext: encrypt("ghp_legacy", `${id}:secret`, oldKey),
    },
  });
});

afterAll(async () => db?.drop());

describe("master-key rotation", () => {
  it("stores a data key per record, wrapped by the master key", async () => {
    const rows = await db.prisma.gitHubConnection.findMany({ where: { id: { not: "legacy-connection" } } });
    for (const r of rows) {
      expect(r.secretCiphertext).toMatch(/^v2:[0-9a-f]{16}:v1\..+:v1\..+$/);
      expect(r.secretCiphertext).not.toContain("ghp_");
    }
  });

  it("property: rotation re-wraps every record and everything decrypts under the new key", async () => {
    expect(await rotateConnectionKeys(db.prisma, { from: [oldKey], to: newKey })).toEqual({
      rewrapped: 4,
      alreadyCurrent: 0,
    });
    const loaded = await Promise.all(orgs.map((o) => loadConnection(db.prisma, newKey, o)));
    expect(loaded.map((c) => c!.credentials)).toEqual([
      { kind: "token", token: "ghp_token_zero" },
      { kind: "app", appId: 7, installationId: 8, privateKey: PEM },
      { kind: "token", token: "ghp_token_two" },
      { kind: "token", token: "ghp_legacy" },
    ]);
    expect(loaded.map((c) => c!.webhookSecret)).toEqual([
      null,
      "webhook-secret-one-1234",
      "webhook-secret-two-1234",
      null,
    ]);
    for (const o of orgs) await expect(loadConnection(db.prisma, oldKey, o)).rejects.toThrow();
  });

  it("running it again changes nothing", async () => {
    const before = await db.prisma.gitHubConnection.findMany({ orderBy: { id: "asc" } });
    expect(await rotateConnectionKeys(db.prisma, { from: [oldKey], to: newKey })).toEqual({
      rewrapped: 0,
      alreadyCurrent: 4,
    });
    const after = await db.prisma.gitHubConnection.findMany({ orderBy: { id: "asc" } });
    expect(after.map((r) => r.secretCiphertext)).toEqual(before.map((r) => r.secretCiphertext));
  });

  it("a ciphertext copied onto another record does not decrypt there", async () => {
    const [a, b] = await Promise.all(
      orgs
        .slice(0, 2)
        .map((o) => db.prisma.gitHubConnection.findUniqueOrThrow({ where: { organizationId: o } })),
    );
    await db.prisma.gitHubConnection.update({
      where: { id: b!.id },
      data: { secretCiphertext: a!.secretCiphertext },
    });
    await expect(loadConnection(db.prisma, newKey, orgs[1]!)).rejects.toThrow(/authentication/);
  });
});
