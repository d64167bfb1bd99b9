import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getEnv } from "../env";
import { gatehouseAdapter, type GatehouseAdapterUser } from "../server/internal/next-auth-adapter";
import { syncConfigAdmin } from "../server/internal/sync-config-admin";
import { recordSignOut } from "../server/internal/record-sign-out";
import { appendAuditEntry } from "../server/internal/append-audit-entry";
import { gitHubProvider } from "./github-provider";
import { requestContext } from "../server/internal/request-context";

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const meta = () => requestContext.getStore() ?? { ip: null, userAgent: null };
  cached = {
    secret: env.NEXTAUTH_SECRET,
    adapter: gatehouseAdapter({ admins: env.GATEHOUSE_ADMINS, defaultRole: env.GATEHOUSE_DEFAULT_ROLE }),
    // Database sessions: sign-out, disabling a user and role changes apply on the next request.
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    providers: [gitHubProvider(env) as NextAuthOptions["providers"][number]],
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ user }) {
        const u = user as Partial<GatehouseAdapterUser> & { disabledAt?: Date | null };
        if (u.disabledAt) return false;
        return true;
      },
      async session({ session, user }) {
        const u = user as GatehouseAdapterUser;
        return { ...session, user: { ...session.user, id: u.id, login: u.githubLogin, role: u.role } };
      },
    },
    events: {
      async signIn({ user }) {
        await syncConfigAdmin(user.id, env.GATEHOUSE_ADMINS);
        const u = user as GatehouseAdapterUser;
        await appendAuditEntry(
          { userId: u.id, login: u.githubLogin ?? null, ...meta() },
          { action: "auth.sign_in", targetType: "user", targetId: u.id },
        );
      },
      async signOut({ session }) {
        const userId = (session as { userId?: string } | null)?.userId;
        if (userId) await recordSignOut(userId, meta());
      },
    },
  };
  return cached;
}
