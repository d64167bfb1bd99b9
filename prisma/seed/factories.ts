// Seed factories, shared by the demo seed and the integration/e2e tests, so that test
// data is made the same way as demo data.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";

/** Maps the simulator fixture's free-text role hints ("security lead") to roles. */
export function roleFromHint(hint: string | null | undefined): Role | null {
  const key = (hint ?? "").toLowerCase().replace(/[\s-]+/g, "_");
  return key === "admin" || key === "security_lead" || key === "engineer" || key === "auditor" ? key : null;
}

export interface GitHubIdentity {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
}

/** A user linked to their GitHub account, so the first OAuth sign-in finds them with this role. */
export async function upsertGitHubUser(db: PrismaClient, who: GitHubIdentity, role: Role) {
  const user = await db.user.upsert({
    where: { githubLogin: who.login },
    create: { githubLogin: who.login, name: who.name, email: who.email, role },
    update: {},
  });
  await db.account.upsert({
    where: { provider_providerAccountId: { provider: "github", providerAccountId: String(who.id) } },
    create: { userId: user.id, type: "oauth", provider: "github", providerAccountId: String(who.id) },
    update: {},
  });
  return user;
}

export async function upsertOrganization(db: PrismaClient, login: string, name: string | null) {
  return db.organization.upsert({ where: { login }, create: { login, name }, update: { name } });
}
