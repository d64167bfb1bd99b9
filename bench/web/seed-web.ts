// The web bench's estate: a scored 10,000-repository organisation (bench/seed), 90 days
// of posture history, a threat model per repository, a signed-in user and an API key.
// History: the real scoring writes today's rows; the 89 days before are today's rows
// shifted back (every day for the organisation; for repositories, the days the seeded
// churn would have changed them, about one in 15), so the trend and history queries read
// as many rows as after 90 days of real syncs.
import { randomBytes } from "node:crypto";
import { Prisma, type PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/server/authz/actor";
import { createApiKey } from "../../lib/server/api-keys/create-api-key";
import { generateThreatModels } from "../../lib/server/threat-models/generate-threat-models";
import { hashSessionToken } from "../../lib/server/internal/next-auth-adapter";
import { BENCH_ORG, seedScoredOrg } from "../seed/scored-org";

export const BENCH_LOGIN = "bench-lead";
const HISTORY_DAYS = 90;
/** About one repository snapshot in 15 days: what bench/history/churn.ts's rates give. */
const REPO_CHANGE_EVERY = 15;

export interface WebEstate {
  org: string;
  repos: number;
  sessionToken: string;
  apiKey: string;
  failingCheck: string;
}

async function shiftBack(prisma: PrismaClient, table: string, where: string): Promise<void> {
  const cols = await prisma.$queryRaw<Array<{ column_name: string }>>`
    SELECT column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY ordinal_position`;
  const names = cols.map((c) => `"${c.column_name}"`);
  const select = names.map((n) => (n === `"takenAt"` ? `t."takenAt" - d * interval '1 day'` : `t.${n}`));
  await prisma.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${select.join(", ")}
       FROM "${table}" t, generate_series(1, ${HISTORY_DAYS - 1}) d WHERE ${where}`,
  );
}

export async function seedWebEstate(prisma: PrismaClient, repos: number): Promise<WebEstate> {
  const now = new Date();
  const org = await seedScoredOrg(prisma, repos, now);
  await shiftBack(prisma, "OrgScoreSnapshot", "true");
  await shiftBack(
    prisma,
    "RepoScoreSnapshot",
    `(abs(hashtext(t."repositoryId")) + d) % ${REPO_CHANGE_EVERY} = 0`,
  );

  const user = await prisma.user.create({
    data: { githubLogin: BENCH_LOGIN, name: "Bench Lead", role: "admin" },
  });
  const actor: Actor = { userId: user.id, login: BENCH_LOGIN, role: "admin", ip: null, userAgent: null };
  await generateThreatModels(actor, { organizationId: org.id });
  await prisma.$executeRawUnsafe("ANALYZE");
  return signInBench(prisma, repos, now);
}

/**
 * The bench user's session (a row as next-auth's adapter writes it: the cookie holds the
 * token, the row its hash) and API key; also what a reused, already seeded estate needs.
 */
export async function signInBench(prisma: PrismaClient, repos: number, now = new Date()): Promise<WebEstate> {
  const user = await prisma.user.findUniqueOrThrow({ where: { githubLogin: BENCH_LOGIN } });
  const actor: Actor = { userId: user.id, login: BENCH_LOGIN, role: "admin", ip: null, userAgent: null };
  const sessionToken = randomBytes(32).toString("hex");
  await prisma.session.create({
    data: {
      sessionToken: hashSessionToken(sessionToken),
      userId: user.id,
      expires: new Date(now.getTime() + 86_400_000),
    },
  });
  const { key } = await createApiKey(actor, { name: "bench", role: "auditor" });
  // The API filter the bench asks for: the check failing in the most repositories.
  const [top] = await prisma.$queryRaw<Array<{ checkId: string }>>(Prisma.sql`
    SELECT "checkId" FROM "FindingLifetime" WHERE "fixedAt" IS NULL AND "repositoryId" IS NOT NULL
    GROUP BY "checkId" ORDER BY count(*) DESC LIMIT 1`);
  if (!top) throw new Error("the seeded organisation has no failing check");
  return { org: BENCH_ORG, repos, sessionToken, apiKey: key, failingCheck: top.checkId };
}
