// Session lifetime [ASVS 7.3.2] and tokens at rest, through the adapter next-auth calls,
// against a real Postgres database. The clock is passed in: no waiting, no wall clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { upsertGitHubUser } from "../../../prisma/seed/factories";
import { gatehouseAdapter, hashSessionToken, type GatehouseAdapterUser } from "./next-auth-adapter";

const HOUR = 3_600_000;
let db: TestDatabase;
let userId: string;
let clock = new Date("2026-03-01T08:00:00Z");

const policyOf = (allowedOrgs: string[]) => ({
  admins: [],
  defaultRole: "engineer" as const,
  allowedLogins: ["ines"],
  allowedOrgs,
  absoluteMaxAgeSeconds: 24 * 3600,
  now: () => clock,
});
const adapter = () => gatehouseAdapter(policyOf([]));

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

describe("the session lookup's memberships", () => {
  it("carry every synced organisation holding the login, and GATEHOUSE_ALLOWED_ORGS decides who may stay", async () => {
    clock = new Date("2026-03-03T08:00:00Z");
    const acme = await db.prisma.organization.create({ data: { login: "Acme" } });
    const other = await db.prisma.organization.create({ data: { login: "other" } });
    const omar = (
      await upsertGitHubUser(db.prisma, { id: 78, login: "Omar", name: null, email: null }, "engineer")
    ).id;
    await db.prisma.orgMember.createMany({
      data: [
        { organizationId: acme.id, login: "omar" },
        { organizationId: other.id, login: "omar" },
      ],
    });
    const expires = new Date(clock.getTime() + HOUR);
    const member = adapter();
    await member.createSession!({ sessionToken: "omar-1", userId: omar, expires });
    const found = await member.getSessionAndUser!("omar-1");
    expect((found!.user as GatehouseAdapterUser).memberOrganizations!.toSorted()).toEqual(
      [acme.id, other.id].toSorted(),
    );

    // Only "other" admits people, case-insensitively: still a member there, so still in.
    const onlyOther = gatehouseAdapter(policyOf(["OTHER"]));
    expect(await onlyOther.getSessionAndUser!("omar-1")).not.toBeNull();

    // Admitted only through an organisation they are not in: every session of theirs ends.
    const onlyThird = gatehouseAdapter(policyOf(["third"]));
    expect(await onlyThird.getSessionAndUser!("omar-1")).toBeNull();
    expect(await db.prisma.session.count({ where: { userId: omar } })).toBe(0);

    // A user in no member list carries none (the actor then sees every organisation).
    await member.createSession!({ sessionToken: "ines-1", userId, expires });
    const ines = await member.getSessionAndUser!("ines-1");
    expect((ines!.user as GatehouseAdapterUser).memberOrganizations).toEqual([]);
  });
});
