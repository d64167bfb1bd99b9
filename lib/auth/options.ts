import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getEnv, type Env } from "../env";
import { parseKey } from "../crypto/aead";
import { gatehouseAdapter, type GatehouseAdapterUser } from "../server/internal/next-auth-adapter";
import { syncConfigAdmin } from "../server/internal/sync-config-admin";
import { recordSignOut } from "../server/internal/record-sign-out";
import { appendAuditEntry } from "../server/internal/append-audit-entry";
import { decideSignIn } from "../server/internal/decide-sign-in";
import { accessPolicyFromEnv } from "../server/internal/org-membership";
import { gitHubProvider } from "./github-provider";
import { requestContext } from "../server/internal/request-context";
import { safeRedirect } from "./safe-redirect";

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(getEnv());
  return cached;
}

/** The options for one validated environment (tests build their own). */
export function buildAuthOptions(env: Env): NextAuthOptions {
  const meta = () => requestContext.getStore() ?? { ip: null, userAgent: null };
  const access = accessPolicyFromEnv(env);
  const key = parseKey(env.GATEHOUSE_ENCRYPTION_KEY);
  return {
    secret: env.NEXTAUTH_SECRET,
    adapter: gatehouseAdapter({
      ...access,
      defaultRole: env.GATEHOUSE_DEFAULT_ROLE,
      absoluteMaxAgeSeconds: Math.round(env.GATEHOUSE_SESSION_MAX_HOURS * 3600),
    }),
    // Database sessions: sign-out, disabling a user and role changes apply on the next request.
    // maxAge is the idle timeout (it slides); the adapter caps it at the absolute lifetime.
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    // Under https: __Secure-/__Host- cookie names, Secure, HttpOnly, SameSite=Lax [ASVS 3.3].
    useSecureCookies: secureCookies(env.NEXTAUTH_URL),
    providers: [gitHubProvider(env) as NextAuthOptions["providers"][number]],
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      // `user` is the stored user when this GitHub account signed in before, else the profile.
      async signIn({ user, profile }) {
        const u = user as Partial<GatehouseAdapterUser>;
        const known = u.role !== undefined;
        const login = (profile as { login?: string } | undefined)?.login ?? u.githubLogin ?? null;
        const verdict = await decideSignIn(
          access,
          { login, userId: known ? (u.id ?? null) : null, disabled: Boolean(u.disabledAt) },
          meta(),
          key,
        );
        if (verdict.ok) return true;
        return `/signin?error=${verdict.reason === "disabled" ? "AccessDenied" : "NotMember"}`;
      },
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
      async session({ session, user }) {
        const u = user as GatehouseAdapterUser;
        return {
          ...session,
          user: {
            ...session.user,
            id: u.id,
            login: u.githubLogin,
            role: u.role,
            organizations: u.memberOrganizations,
          },
        };
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
}

/** next-auth picks secure cookie names and flags from this; the public URL decides. */
export function secureCookies(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}
