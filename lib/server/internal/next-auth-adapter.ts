import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { getDb } from "../../db";
import type { Role } from "../authz/permissions";
import { appendAuditEntry } from "./append-audit-entry";

// next-auth's persistence, written against our schema rather than with the stock
// Prisma adapter because: OAuth tokens are not stored (Gatehouse never acts with a
// user's GitHub token); disabled users get no session; first sign-in assigns the
// configured role; and the user's role travels with every session lookup.

export interface RolePolicy {
  admins: string[];
  defaultRole: Role;
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

export type GatehouseAdapterUser = AdapterUser & { githubLogin: string | null; role: Role };

function toAdapterUser(u: DbUser): GatehouseAdapterUser {
  return {
    id: u.id,
    name: u.name,
    email: u.email ?? "",
    emailVerified: u.emailVerified,
    image: u.image,
    githubLogin: u.githubLogin,
    role: u.role,
  };
}

export function gatehouseAdapter(policy: RolePolicy): Adapter {
  const db = () => getDb();
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
      const s = await db().session.create({ data: session });
      return { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires };
    },
    async getSessionAndUser(sessionToken) {
      const s = await db().session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!s) return null;
      if (s.user.disabledAt) {
        await db().session.deleteMany({ where: { userId: s.userId } });
        return null;
      }
      const session: AdapterSession = { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires };
      return { session, user: toAdapterUser(s.user) };
    },
    async updateSession({ sessionToken, expires }) {
      const s = await db()
        .session.update({ where: { sessionToken }, data: expires ? { expires } : {} })
        .catch(() => null);
      return s ? { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires } : null;
    },
    // next-auth hands the returned session to events.signOut: return it so sign-out is audited.
    async deleteSession(sessionToken) {
      const s = await db()
        .session.delete({ where: { sessionToken } })
        .catch(() => null);
      return s ? { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires } : null;
    },
  };
}
