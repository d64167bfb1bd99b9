import type { Role } from "./permissions";

/** The signed-in user acting on a request, as every lib/server function receives it. */
export interface Actor {
  userId: string;
  login: string | null;
  role: Role;
  ip: string | null;
  userAgent: string | null;
  /**
   * Object-level isolation: the only organisations (ids) this actor may read or act on,
   * resolved once where the actor is built (lib/server/internal/org-scope.ts: a person's
   * synced memberships, a key's own limit). Absent means every organisation (system jobs,
   * unscoped API keys, people in no synced member list).
   */
  organizations?: readonly string[];
}

/** For jobs and start-up tasks that act on the system's own behalf (config admins, sync). */
export function systemActor(reason: string): Actor {
  return { userId: `system:${reason}`, login: null, role: "admin", ip: null, userAgent: null };
}
