import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import type { Actor } from "../server/authz/actor";
import type { Role } from "../server/authz/permissions";
import { getAuthOptions } from "./options";
import { requestMetaFrom } from "../server/internal/request-context";

/**
 * The signed-in user for this request, or null. The session lookup goes to the
 * database every time (database sessions), so the role is always current and a
 * disabled user or deleted session yields null. Memoised per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; login?: string | null; role?: Role } | undefined;
  if (!user?.id || !user.role) return null;
  const meta = requestMetaFrom(await headers());
  return {
    userId: user.id,
    login: user.login ?? null,
    role: user.role,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
});
