import type { SyncTx } from "./db";

// The organisation's member list as GitHub reported it at this sync: the re-check behind
// "a user who leaves the organisation loses access within one sync interval". The web
// adapter refuses sessions of users in no synced organisation's list; here the sessions of
// users who just dropped out of every list are deleted outright.

export async function replaceOrgMembers(
  tx: SyncTx,
  organizationId: string,
  logins: string[],
): Promise<{ added: number; removed: string[] }> {
  const next = new Set(logins.map((l) => l.toLowerCase()));
  const current = await tx.orgMember.findMany({ where: { organizationId }, select: { login: true } });
  const had = new Set(current.map((m) => m.login));
  const removed = [...had].filter((l) => !next.has(l));
  const added = [...next].filter((l) => !had.has(l));
  if (removed.length) await tx.orgMember.deleteMany({ where: { organizationId, login: { in: removed } } });
  if (added.length)
    await tx.orgMember.createMany({
      data: added.map((login) => ({ organizationId, login })),
      skipDuplicates: true,
    });
  if (removed.length) {
    const stillElsewhere = await tx.orgMember.findMany({
      where: { login: { in: removed } },
      select: { login: true },
    });
    const gone = removed.filter((l) => !stillElsewhere.some((m) => m.login === l));
    if (gone.length)
      await tx.session.deleteMany({
        where: { user: { githubLogin: { in: gone, mode: "insensitive" } } },
      });
  }
  return { added: added.length, removed };
}

/** Logins from GET /orgs/{org}/members; null (unreadable list) when any entry is malformed. */
export function memberLogins(raw: unknown[] | null): string[] | null {
  if (!raw) return null;
  const out: string[] = [];
  for (const m of raw) {
    const login = (m as { login?: unknown } | null)?.login;
    if (typeof login !== "string" || !login) return null;
    out.push(login);
  }
  return out;
}
