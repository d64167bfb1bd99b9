// The demo's seed: the simulator's organisation, its repositories, and one Gatehouse
// user per demo role. Idempotent (upserts on natural keys), so `npm run demo` can run
// it on every start.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Simulator } from "../../lib/github/simulator";
import { roleFromHint, upsertGitHubUser, upsertOrganization } from "./factories";

export interface SeedSummary {
  organization: string;
  repositories: number;
  users: Array<{ login: string; role: string }>;
}

export async function seedDemo(db: PrismaClient, sim: Simulator): Promise<SeedSummary> {
  const { org } = sim.fixture;
  const organization = await upsertOrganization(db, org.login, org.name ?? null);
  for (const repo of sim.fixture.repos) {
    const cfg = repo.config as { visibility?: string; archived?: boolean; defaultBranch?: string };
    await db.repository.upsert({
      where: { fullName: `${org.login}/${repo.name}` },
      create: {
        organizationId: organization.id,
        githubId: BigInt(repo.id),
        name: repo.name,
        fullName: `${org.login}/${repo.name}`,
        visibility: cfg.visibility ?? null,
        archived: cfg.archived ?? false,
        defaultBranch: cfg.defaultBranch ?? "main",
      },
      update: {},
    });
  }
  const users: SeedSummary["users"] = [];
  for (const u of org.users) {
    const role = roleFromHint(u.role);
    if (!role) continue;
    // Ask the simulator who this user is, over HTTP, exactly as sign-in will.
    const res = await fetch(`${sim.url}/user`, { headers: { Authorization: `Bearer ${sim.issueToken(u.login, ["read:user"])}` } });
    if (!res.ok) throw new Error(`simulator /user for ${u.login} answered ${res.status}`);
    const profile = (await res.json()) as { id: number; login: string; name: string | null; email: string | null };
    await upsertGitHubUser(db, profile, role);
    users.push({ login: u.login, role });
  }
  return { organization: org.login, repositories: sim.fixture.repos.length, users };
}
