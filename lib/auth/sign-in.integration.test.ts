// Who may sign in [ASVS 8.2.1, 7.4.2], proven through next-auth's real handler, the GitHub
// simulator over HTTP (OAuth dance and membership API) and a real Postgres database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineOrgFixture } from "@/simulator";
import { setDb } from "../db";
import { parseEnv } from "../env";
import { runSyncInline } from "../sync/engine/run-inline";
import { hashSessionToken } from "../server/internal/next-auth-adapter";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";
import { SYNC_TOKEN } from "../../testing/sync/org-fixture";
import { NextAuthDriver } from "../../testing/next-auth-driver";
import { buildAuthOptions } from "./options";

let h: SyncHarness;

const fixture = () =>
  defineOrgFixture({
    org: {
      login: "acme",
      members: [{ login: "octo-admin", role: "admin" }, { login: "sam" }, { login: "eve" }, { login: "leo" }],
      users: [
        { login: "octo-admin" },
        { login: "sam" },
        { login: "eve" },
        { login: "leo" },
        { login: "mallory" },
      ],
      tokens: [{ token: SYNC_TOKEN, login: "octo-admin" }],
      oauthApp: { clientId: "acme-client", clientSecret: "acme-client-secret" },
    },
    repos: [
      {
        name: "api",
        config: { collaborators: [{ login: "contractor", permission: "write", outside: true }] },
        files: { "README.md": "hi" },
      },
    ],
  });

function driver(over: Record<string, string> = {}) {
  const env = parseEnv({
    DATABASE_URL: h.db.url,
    NEXTAUTH_URL: "http://127.0.0.1:4790",
    NEXTAUTH_SECRET: "s".repeat(40),
    GITHUB_CLIENT_ID: "acme-client",
    GITHUB_CLIENT_SECRET: "acme-client-secret",
    GITHUB_OAUTH_URL: h.sim.url,
    GITHUB_API_URL: h.sim.url,
    GATEHOUSE_ENCRYPTION_KEY: h.key.toString("base64"),
    GATEHOUSE_AUDIT_KEY: Buffer.alloc(32, 9).toString("base64"),
    ...over,
  });
  return new NextAuthDriver(buildAuthOptions(env), env.NEXTAUTH_URL!);
}

const userOf = (login: string) => h.db.prisma.user.findUnique({ where: { githubLogin: login } });
const refusals = (login: string) =>
  h.db.prisma.auditLogEntry.findMany({
    where: { action: "auth.sign_in_refused", targetId: login },
    orderBy: { seq: "asc" },
  });
const sessionUser = async (d: NextAuthDriver) =>
  ((await d.call("GET", ["session"])).body as { user?: { login?: string } } | undefined)?.user?.login ?? null;

beforeAll(async () => {
  h = await startSyncHarness(fixture());
  setDb(h.db.prisma);
});
afterAll(async () => h?.close());

describe("who may sign in", () => {
  it("a member of a synced organisation signs in; the stored session token is its SHA-256 digest", async () => {
    const d = driver();
    const cb = await d.signInThroughGitHub("eve");
    expect(cb.location).toBe("http://127.0.0.1:4790/");
    const cookie = d.jar.get("next-auth.session-token")!;
    expect(cookie).toBeTruthy();
    const user = await userOf("eve");
    const rows = await h.db.prisma.session.findMany({ where: { userId: user!.id } });
    expect(rows.map((r) => r.sessionToken)).toEqual([hashSessionToken(cookie)]);
    expect(rows[0]!.sessionToken).not.toContain(cookie);
    expect(await sessionUser(d)).toBe("eve");
  });

  it("an outside collaborator is refused: no user, no session, the page says why, and it is audited", async () => {
    const sessions = await h.db.prisma.session.count();
    const cb = await driver().signInThroughGitHub("contractor");
    expect(cb.location).toBe("/signin?error=NotMember");
    expect(await userOf("contractor")).toBeNull();
    expect(await h.db.prisma.session.count()).toBe(sessions);
    const [entry] = await refusals("contractor");
    expect(entry).toMatchObject({
      actorId: null,
      actorLogin: "contractor",
      details: { reason: "not_member" },
    });
  });

  it("a stranger to the organisation is refused the same way", async () => {
    const cb = await driver().signInThroughGitHub("mallory");
    expect(cb.location).toBe("/signin?error=NotMember");
    expect(await userOf("mallory")).toBeNull();
    expect(await refusals("mallory")).toHaveLength(1);
  });

  it("GATEHOUSE_ALLOWED_LOGINS admits a named non-member", async () => {
    const d = driver({ GATEHOUSE_ALLOWED_LOGINS: "mallory" });
    const cb = await d.signInThroughGitHub("mallory");
    expect(cb.location).toBe("http://127.0.0.1:4790/");
    expect(await sessionUser(d)).toBe("mallory");
  });

  it("GATEHOUSE_ALLOWED_ORGS: membership of an organisation not on the list does not count", async () => {
    const cb = await driver({ GATEHOUSE_ALLOWED_ORGS: "other-org" }).signInThroughGitHub("leo");
    expect(cb.location).toBe("/signin?error=NotMember");
    expect(await userOf("leo")).toBeNull();
    const ok = await driver({ GATEHOUSE_ALLOWED_ORGS: "ACME" }).signInThroughGitHub("leo");
    expect(ok.location).toBe("http://127.0.0.1:4790/");
  });

  it("a disabled user's sign-in is refused, audited as a refusal, and creates no session", async () => {
    await driver().signInThroughGitHub("sam");
    const sam = (await userOf("sam"))!;
    await h.db.prisma.session.deleteMany({ where: { userId: sam.id } });
    await h.db.prisma.user.update({ where: { id: sam.id }, data: { disabledAt: new Date() } });
    const signIns = await h.db.prisma.auditLogEntry.count({
      where: { action: "auth.sign_in", actorId: sam.id },
    });
    const d = driver();
    const cb = await d.signInThroughGitHub("sam");
    expect(cb.location).toBe("/signin?error=AccessDenied");
    expect(d.jar.has("next-auth.session-token")).toBe(false);
    expect(await h.db.prisma.session.count({ where: { userId: sam.id } })).toBe(0);
    const [entry] = await refusals("sam");
    expect(entry).toMatchObject({ actorId: sam.id, details: { reason: "disabled" } });
    expect(
      await h.db.prisma.auditLogEntry.count({ where: { action: "auth.sign_in", actorId: sam.id } }),
    ).toBe(signIns);
    await h.db.prisma.user.update({ where: { id: sam.id }, data: { disabledAt: null } });
  });

  it("a user who leaves the organisation loses access at the next sync", async () => {
    const d = driver();
    await d.signInThroughGitHub("leo");
    expect(await sessionUser(d)).toBe("leo");
    const members = h.sim.fixture.org.members;
    members.splice(
      members.findIndex((m) => m.login === "leo"),
      1,
    );
    expect((await runSyncInline(h.ctx, { kind: "incremental", trigger: "schedule" })).status).toBe(
      "succeeded",
    );
    const leo = (await userOf("leo"))!;
    expect(await h.db.prisma.session.count({ where: { userId: leo.id } })).toBe(0);
    expect(await sessionUser(d)).toBeNull();
    expect((await driver().signInThroughGitHub("leo")).location).toBe("/signin?error=NotMember");
    // Everyone still a member keeps their place in the synced list.
    const logins = (await h.db.prisma.orgMember.findMany({ select: { login: true } })).map((m) => m.login);
    expect(logins.sort()).toEqual(["eve", "octo-admin", "sam"]);
  });

  it("a session whose user is no longer in any synced member list is refused on its next request", async () => {
    const d = driver();
    await d.signInThroughGitHub("eve");
    expect(await sessionUser(d)).toBe("eve");
    await h.db.prisma.orgMember.deleteMany({ where: { login: "eve" } });
    expect(await sessionUser(d)).toBeNull();
    const eve = (await userOf("eve"))!;
    expect(await h.db.prisma.session.count({ where: { userId: eve.id } })).toBe(0);
    expect(
      await h.db.prisma.auditLogEntry.count({ where: { action: "auth.session_revoked", targetId: eve.id } }),
    ).toBe(1);
  });

  it("a hostile callbackUrl on sign-in is sent home, not answered with a 500", async () => {
    const d = driver();
    const { csrfToken } = (await d.call("GET", ["csrf"])).body as { csrfToken: string };
    for (const callbackUrl of ["http://[", "javascript:alert(1)", "https://evil.example/x"]) {
      const start = await d.call("POST", ["signin", "github"], {}, { csrfToken, callbackUrl });
      expect(start.status, callbackUrl).toBe(302);
      expect(new URL(start.location!).origin).toBe(new URL(h.sim.url).origin);
      expect(d.jar.get("next-auth.callback-url")).toBe("http://127.0.0.1:4790");
    }
  });

  it("under https the cookies are __Secure-/__Host- prefixed, Secure, HttpOnly and SameSite", async () => {
    const d = driver({ NEXTAUTH_URL: "https://127.0.0.1:4791" });
    const cb = await d.signInThroughGitHub("octo-admin");
    expect(cb.location).toBe("https://127.0.0.1:4791/");
    const session = cb.setCookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    const csrf = [...d.jar.keys()].find((k) => k.includes("csrf-token"));
    expect(csrf).toBe("__Host-next-auth.csrf-token");
    expect([...d.jar.keys()].every((k) => k.startsWith("__Secure-") || k.startsWith("__Host-"))).toBe(true);
  });
});
