import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { getDb } from "../../db";
import type { Role } from "../authz/permissions";
import { appendAuditEntry } from "./append-audit-entry";
import { admitsOrganization, isAllowlisted, type AccessPolicy } from "./org-membership";

// next-auth's persistence, written against our schema rather than with the stock
// Prisma adapter because: OAuth tokens are not stored (Gatehouse never acts with a
// user's GitHub token); disabled users get no session; first sign-in assigns the
// configured role; the user's role travels with every session lookup; session tokens are
// stored as SHA-256 digests (a database dump or its WAL holds no usable cookie); a session
// ends at an absolute lifetime however active it is; and a user who is no longer a member
// of a synced organisation (nor allowlisted) is signed out on their next request.

export interface RolePolicy {
  admins: string[];
  defaultRole: Role;
}

export interface AdapterPolicy extends RolePolicy, AccessPolicy {
  /** Absolute session lifetime from sign-in, in seconds. */
  absoluteMaxAgeSeconds: number;
  /** The clock (tests pass one). */
  now?: () => Date;
}

/** What the database keeps of a session token: its SHA-256 digest, hex. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

type DbUser = {
  id: string;
  name: string | null;
  email: string | null;
  emailVerified: Date | null;
  image: string | null;
  githubLogin: string | null;
  role: Role;
  disabledAt: Date | null;
};

type SessionRow = {
  sessionId: string;
  userId: string;
  expires: Date;
  sessionCreatedAt: Date;
  /** The organisations whose synced member list holds the user's login, and their logins (same order). */
  memberOrgIds: string[];
  memberOrgLogins: string[];
};

export type GatehouseAdapterUser = AdapterUser & {
  githubLogin: string | null;
  role: Role;
  /** Carried so the sign-in callback can refuse a disabled user before a session exists. */
  disabledAt: Date | null;
  /**
   * Set by the session lookup only: the organisations whose synced member list holds the
   * user's login (every one, whatever GATEHOUSE_ALLOWED_ORGS says), for the actor's scope.
   */
  memberOrganizations?: string[];
};

function toAdapterUser(u: DbUser): GatehouseAdapterUser {
  return {
    id: u.id,
    name: u.name,
    email: u.email ?? "",
    emailVerified: u.emailVerified,
    image: u.image,
    githubLogin: u.githubLogin,
    role: u.role,
    disabledAt: u.disabledAt,
  };
}

export function gatehouseAdapter(policy: AdapterPolicy): Adapter {
  const db = () => getDb();
  const now = policy.now ?? (() => new Date());
  const endOf = (createdAt: Date) => new Date(createdAt.getTime() + policy.absoluteMaxAgeSeconds * 1000);
  // Decided from the memberships the session lookup already read (no query of its own).
  const mayStay = (login: string | null, memberOrgLogins: readonly string[]) =>
    login !== null &&
    (isAllowlisted(policy, login) || memberOrgLogins.some((org) => admitsOrganization(policy, org)));
  return {
    async createUser(data: Omit<AdapterUser, "id">) {
      const login = (data as { githubLogin?: string }).githubLogin ?? null;
      const role: Role = login && policy.admins.includes(login) ? "admin" : policy.defaultRole;
      const user = await db().user.create({
        data: {
          name: data.name ?? null,
          email: data.email || null,
          emailVerified: data.emailVerified,
          image: data.image ?? null,
          githubLogin: login,
          role,
        },
      });
      await appendAuditEntry(null, {
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        details: {
          login,
          role,
          source: login && policy.admins.includes(login) ? "GATEHOUSE_ADMINS" : "default role",
        },
      });
      return toAdapterUser(user);
    },
    async getUser(id) {
      const u = await db().user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db().user.findUnique({ where: { email } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const a = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return a ? toAdapterUser(a.user) : null;
    },
    async updateUser({ id, ...data }) {
      const u = await db().user.update({
        where: { id },
        data: {
          name: data.name,
          email: data.email || undefined,
          image: data.image,
          emailVerified: data.emailVerified,
        },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      await db().account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          scope: account.scope ?? null,
          token_type: account.token_type ?? null,
        },
      });
    },
    async createSession(session) {
      const s = await db().session.create({
        data: { ...session, sessionToken: hashSessionToken(session.sessionToken), createdAt: now() },
      });
      return { sessionToken: session.sessionToken, userId: s.userId, expires: s.expires };
    },
    async getSessionAndUser(sessionToken) {
      // Every page asks this first: one statement for the session, its user and the user's
      // organisation memberships (whether they may stay signed in, and the actor's
      // organisation scope), instead of one query each.
      const [row] = await db().$queryRaw<Array<SessionRow & DbUser>>`
        SELECT s.id AS "sessionId", s."userId", s.expires, s."createdAt" AS "sessionCreatedAt",
               u.id, u.name, u.email, u."emailVerified", u.image, u."githubLogin", u.role::text AS role,
               u."disabledAt",
               ARRAY(SELECT m."organizationId" FROM "OrgMember" m JOIN "Organization" o ON o.id = m."organizationId"
                      WHERE m.login = lower(u."githubLogin") ORDER BY o.id) AS "memberOrgIds",
               ARRAY(SELECT o.login FROM "OrgMember" m JOIN "Organization" o ON o.id = m."organizationId"
                      WHERE m.login = lower(u."githubLogin") ORDER BY o.id) AS "memberOrgLogins"
          FROM "Session" s JOIN "User" u ON u.id = s."userId"
         WHERE s."sessionToken" = ${hashSessionToken(sessionToken)}`;
      if (!row) return null;
      const s = {
        id: row.sessionId,
        userId: row.userId,
        expires: row.expires,
        createdAt: row.sessionCreatedAt,
        user: row,
      };
      if (s.user.disabledAt) {
        await db().session.deleteMany({ where: { userId: s.userId } });
        return null;
      }
      const end = endOf(s.createdAt);
      if (end <= now()) {
        await db()
          .session.delete({ where: { id: s.id } })
          .catch(() => null);
        return null;
      }
      if (!mayStay(s.user.githubLogin, row.memberOrgLogins)) {
        // Left the organisation since signing in: every session of theirs ends now.
        await db().session.deleteMany({ where: { userId: s.userId } });
        await appendAuditEntry(
          { userId: s.userId, login: s.user.githubLogin, ip: null, userAgent: null },
          {
            action: "auth.session_revoked",
            targetType: "user",
            targetId: s.userId,
            details: { reason: "not_member" },
          },
        );
        return null;
      }
      const expires = s.expires < end ? s.expires : end;
      const session: AdapterSession = { sessionToken, userId: s.userId, expires };
      return { session, user: { ...toAdapterUser(s.user), memberOrganizations: row.memberOrgIds } };
    },
    // next-auth slides the idle expiry forward; it never passes the absolute end.
    async updateSession({ sessionToken, expires }) {
      const where = { sessionToken: hashSessionToken(sessionToken) };
      const current = await db().session.findUnique({ where, select: { createdAt: true } });
      if (!current) return null;
      const end = endOf(current.createdAt);
      const capped = expires ? (expires < end ? expires : end) : undefined;
      const s = await db()
        .session.update({ where, data: capped ? { expires: capped } : {} })
        .catch(() => null);
      return s ? { sessionToken, userId: s.userId, expires: s.expires } : null;
    },
    // next-auth hands the returned session to events.signOut: return it so sign-out is audited.
    async deleteSession(sessionToken) {
      const s = await db()
        .session.delete({ where: { sessionToken: hashSessionToken(sessionToken) } })
        .catch(() => null);
      return s ? { sessionToken, userId: s.userId, expires: s.expires } : null;
    },
  };
}
