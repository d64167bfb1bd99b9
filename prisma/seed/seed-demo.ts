// The demo's seed: the simulator's organisation, its GitHub connection (the fixture's
// token, sealed like any stored credential), and one Gatehouse user per demo role.
// Repositories are not seeded: the first sync brings them, as it would from GitHub.
// Idempotent (upserts on natural keys), so `npm run demo` runs it on every start.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Simulator } from "../../simulator/index";
import { saveConnection } from "../../lib/sync/connection";
import { roleFromHint, upsertGitHubUser, upsertOrganization } from "./factories";

export interface SeedSummary {
  organizationId: string;
  organization: string;
  users: Array<{ login: string; role: string }>;
}

export async function seedDemo(
  db: PrismaClient,
  sim: Simulator,
  encryptionKey: Buffer,
): Promise<SeedSummary> {
  const { org } = sim.fixture;
  const organization = await upsertOrganization(db, org.login, org.name ?? null);
  const admin = org.users.find((u) => roleFromHint(u.role) === "admin");
  const fixed = org.tokens?.find((t) => t.login === admin?.login)?.token;
  // A fixture token survives restarts; otherwise issue one for this simulator's lifetime.
  const token =
    fixed ??
    sim.issueToken(admin?.login ?? org.users[0]!.login, ["repo", "read:org", "read:packages", "admin:org"]);
  await saveConnection(db, encryptionKey, {
    organizationId: organization.id,
    baseUrl: sim.url,
    credentials: { kind: "token", token },
  });

  const users: SeedSummary["users"] = [];
  for (const u of org.users) {
    const role = roleFromHint(u.role);
    if (!role) continue;
    // Ask the simulator who this user is, over HTTP, exactly as sign-in will.
    const res = await fetch(`${sim.url}/user`, {
      headers: { Authorization: `Bearer ${sim.issueToken(u.login, ["read:user"])}` },
    });
    if (!res.ok) throw new Error(`simulator /user for ${u.login} answered ${res.status}`);
    const profile = (await res.json()) as {
      id: number;
      login: string;
      name: string | null;
      email: string | null;
    };
    await upsertGitHubUser(db, profile, role);
    users.push({ login: u.login, role });
  }
  return { organizationId: organization.id, organization: org.login, users };
}
