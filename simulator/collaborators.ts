import type { OrgConfig } from "./fixture/schema-org";
import type { RepoFixture } from "./fixture/types";

// Who has access to a repository, derived from the fixture the way GitHub derives it:
// direct collaborators (members or not), team grants, organisation owners and the base
// permission. "Outside" is a fact of membership, not a label: a direct collaborator who is
// not an organisation member.

export type RepoPermission = "read" | "triage" | "write" | "maintain" | "admin";
export type Affiliation = "outside" | "direct" | "all";

export interface Collaborator {
  login: string;
  permission: RepoPermission;
  outside: boolean;
  /** Where the (highest) permission comes from. */
  source: { kind: "repository" } | { kind: "team"; slug: string } | { kind: "organization" };
}

const RANK: Record<RepoPermission, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function higherPermission(a: RepoPermission | null, b: RepoPermission | null): RepoPermission | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[b] > RANK[a] ? b : a;
}

function isOrgMember(org: OrgConfig, login: string): boolean {
  const l = login.toLowerCase();
  return org.members.some((m) => m.login.toLowerCase() === l);
}

/** Collaborators of `repo` for a REST `affiliation` / GraphQL `CollaboratorAffiliation`. */
export function repoCollaborators(
  org: OrgConfig,
  repo: RepoFixture,
  affiliation: Affiliation,
): Collaborator[] {
  const out = new Map<string, Collaborator>();
  const grant = (login: string, permission: RepoPermission, source: Collaborator["source"]) => {
    const key = login.toLowerCase();
    const prev = out.get(key);
    if (prev && higherPermission(prev.permission, permission) === prev.permission) return;
    out.set(key, { login: prev?.login ?? login, permission, outside: !isOrgMember(org, login), source });
  };
  for (const c of repo.config.collaborators) {
    if (affiliation === "outside" && isOrgMember(org, c.login)) continue;
    grant(c.login, c.permission, { kind: "repository" });
  }
  if (affiliation === "all") {
    for (const t of org.teams) {
      const p = t.repos[repo.name];
      if (!p) continue;
      const permission: RepoPermission = p === "pull" ? "read" : p === "push" ? "write" : p;
      for (const m of t.members) grant(m, permission, { kind: "team", slug: t.slug });
    }
    for (const m of org.members) {
      if (m.role === "admin") grant(m.login, "admin", { kind: "organization" });
      else if (org.defaultRepositoryPermission !== "none")
        grant(m.login, org.defaultRepositoryPermission, { kind: "organization" });
    }
  }
  return [...out.values()];
}

/** The permission `login` holds on `repo` (null: none beyond what public visibility gives). */
export function permissionOf(org: OrgConfig, repo: RepoFixture, login: string): RepoPermission | null {
  const c = repoCollaborators(org, repo, "all").find((x) => x.login.toLowerCase() === login.toLowerCase());
  return c?.permission ?? (repo.config.visibility === "public" ? "read" : null);
}
