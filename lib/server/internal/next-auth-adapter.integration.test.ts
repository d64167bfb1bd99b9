// Session lifetime [ASVS 7.3.2] and tokens at rest, through the adapter next-auth calls,
// against a real Postgres database. The clock is passed in: no waiting, no wall clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { upsertGitHubUser } from "../../../prisma/seed/factories";
import { gatehouseAdapter, hashSessionToken } from "./next-auth-adapter";

const HOUR = 3_600_000;
let db: TestDatabase;
let userId: string;
let clock = new Date("2026-03-01T08:00:00Z");

const adapter = () =>
  gatehouseAdapter({
    admins: [],
    defaultRole: "engineer",
    allowedLogins: ["ines"],
    allowedOrgs: [],
    absoluteMaxAgeSeconds: 24 * 3600,
    now: () => clock,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  userId = (
    await upsertGitHubUser(db.prisma, { id: 77, login: "ines", name: "Ines", email: null }, "engineer")
  ).id;
});
afterAll(async () => db?.drop());

describe("sessions", () => {
  it("end at the absolute lifetime however often the idle expiry slides", async () => {
    const a = adapter();
    const start = new Date("2026-03-01T08:00:00Z");
    clock = start;
    await a.createSession!({ sessionToken: "abs-1", userId, expires: new Date(start.getTime() + 8 * HOUR) });
    // Active all day: next-auth slides the 8 h idle expiry forward every request.
    for (let h = 4; h <= 20; h += 4) {
      clock = new Date(start.getTime() + h * HOUR);
      expect(await a.getSessionAndUser!("abs-1")).not.toBeNull();
      const slid = await a.updateSession!({
        sessionToken: "abs-1",
        expires: new Date(clock.getTime() + 8 * HOUR),
      });
      expect(slid!.expires.getTime()).toBeLessThanOrEqual(start.getTime() + 24 * HOUR);
    }
    clock = new Date(start.getTime() + 23.9 * HOUR);
    const late = await a.getSessionAndUser!("abs-1");
    expect(late!.session.expires.getTime()).toBe(start.getTime() + 24 * HOUR);
    clock = new Date(start.getTime() + 24 * HOUR);
    expect(await a.getSessionAndUser!("abs-1")).toBeNull();
    expect(await db.prisma.session.count({ where: { sessionToken: hashSessionToken("abs-1") } })).toBe(0);
  });

  it("are stored as SHA-256 digests: the raw token never reaches the table, the digest is not a cookie", async () => {
    const a = adapter();
    clock = new Date("2026-03-02T08:00:00Z");
    await a.createSession!({
      sessionToken: "raw-cookie-value",
      userId,
      expires: new Date(clock.getTime() + HOUR),
    });
    const rows = await db.prisma.$queryRaw<
      Array<{ sessionToken: string }>
    >`SELECT "sessionToken" FROM "Session"`;
    expect(rows.some((r) => r.sessionToken.includes("raw-cookie-value"))).toBe(false);
    expect(rows.map((r) => r.sessionToken)).toContain(hashSessionToken("raw-cookie-value"));
    expect(await a.getSessionAndUser!("raw-cookie-value")).toMatchObject({ session: { userId } });
    // Someone holding the database's value cannot use it as a cookie.
    expect(await a.getSessionAndUser!(hashSessionToken("raw-cookie-value"))).toBeNull();
    expect(await a.deleteSession!("raw-cookie-value")).toMatchObject({ sessionToken: "raw-cookie-value" });
    expect(await a.getSessionAndUser!("raw-cookie-value")).toBeNull();
  });
});
