import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import type { Actor } from "../server/authz/actor";
import type { Role } from "../server/authz/permissions";
import { getAuthOptions } from "./options";
import { requestMetaFrom } from "../server/internal/request-context";
import { orgScopeOf, resolveOrgScope } from "../server/internal/org-scope";

/**
 * The signed-in user for this request, or null. The session lookup goes to the
 * database every time (database sessions), so the role is always current and a
 * disabled user or deleted session yields null. The organisation scope is resolved here,
 * once per request (from the memberships the session lookup returns), and every verb reads
 * it from the Actor. Memoised per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as
    { id?: string; login?: string | null; role?: Role; organizations?: string[] } | undefined;
  if (!user?.id || !user.role) return null;
  const meta = requestMetaFrom(await headers());
  const login = user.login ?? null;
  // The session lookup read the memberships with the session (one query per page, not
  // two); without them (never expected) the scope is read here rather than widened.
  const organizations = Array.isArray(user.organizations)
    ? orgScopeOf(user.organizations, undefined)
    : await resolveOrgScope(login, undefined);
  return {
    userId: user.id,
    login,
    role: user.role,
    ip: meta.ip,
    userAgent: meta.userAgent,
    ...(organizations && { organizations }),
  };
});
