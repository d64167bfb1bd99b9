// A synthetic organisation for the benchmarks that need a scored estate (threat models,
// evidence export, the web pages): N repositories whose snapshots are shaped like synced
// ones (real workflow files from the bench corpus, a Dockerfile, a Kubernetes manifest,
// environments, secrets and an image), inserted in pages, then scored through the real
// write path. Callers run with --conditions=react-server (lib/server is "server-only").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RepoFacts } from "../../lib/facts/types";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { systemActor } from "../../lib/server/authz/actor";
import { scoreOrganization } from "../../lib/server/scores/score-organization";

export const BENCH_ORG = "bench";
const PAGE = 500;

const corpus = fileURLToPath(new URL("../fixtures/workflows", import.meta.url));
const workflows = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((dir) =>
    readdirSync(path.join(corpus, dir)).map((f) => ({
      name: f,
      text: readFileSync(path.join(corpus, dir, f), "utf8"),
    })),
  );

/** Stable ids, so repositories sort (and page) in creation order. */
export const benchRepoId = (i: number) => `r${String(i).padStart(6, "0")}`;

export function benchFacts(i: number): RepoFacts {
  const wf = [0, 1, 2].map((k) => workflows[(i * 3 + k) % workflows.length]!);
  return {
    owner: BENCH_ORG,
    name: `repo-${i}`,
    visibility: "private",
    archived: false,
    defaultBranch: "main",
    files: [
      ...wf.map((w, k) => ({ path: `.github/workflows/${k}-${w.name}`, text: w.text })),
      {
        path: "Dockerfile",
        text: `FROM node:${18 + (i % 4)}-alpine AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app /app\n`,
      },
      {
        path: "deploy/app.yaml",
        text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: repo-${i}\n`,
      },
    ],
    paths: null,
    settings: {
      branchProtection: null,
      branchProtectionKnown: true,
      rulesets: [],
      collaborators: [],
      deployKeys: [],
      actions: null,
      environments: ["staging", "production"].map((name) => ({
        name,
        requiredReviewers: [],
        preventSelfReview: false,
        canAdminsBypass: true,
        waitTimerMinutes: 0,
        deploymentBranchPolicy: null,
        branchPolicies: [],
        secretNames: ["DEPLOY_KEY"],
      })),
      secrets: [{ name: "NPM_TOKEN", scope: "repository", updatedAt: null }],
      security: null,
    },
    org: null,
    alerts: null,
    registry: {
      images: [
        {
          name: `ghcr.io/${BENCH_ORG}/repo-${i}`,
          latestDigest: null,
          tags: [],
          signed: null,
          provenance: null,
          sbom: null,
        },
      ],
    },
    actionAdvisories: null,
  };
}

async function insertRepos(prisma: PrismaClient, organizationId: string, from: number, to: number) {
  for (let start = from; start < to; start += PAGE) {
    const ids = Array.from({ length: Math.min(PAGE, to - start) }, (_, k) => start + k);
    await prisma.repository.createMany({
      data: ids.map((i) => ({
        id: benchRepoId(i),
        organizationId,
        name: `repo-${i}`,
        fullName: `${BENCH_ORG}/repo-${i}`,
      })),
    });
    await prisma.repoSnapshot.createMany({
      data: ids.map((i) => ({
        repositoryId: benchRepoId(i),
        fingerprint: "bench",
        factsVersion: 1,
        facts: JSON.parse(JSON.stringify(benchFacts(i))),
        syncedAt: new Date(),
      })),
    });
  }
}

/** The organisation and its repositories with snapshots (not scored). */
export async function insertBenchOrg(prisma: PrismaClient, repos: number): Promise<{ id: string }> {
  const org = await prisma.organization.create({ data: { login: BENCH_ORG } });
  await insertRepos(prisma, org.id, 0, repos);
  return org;
}

/**
 * Copies the per-repository rows scoring wrote for repositories [0, base) to [base, repos):
 * repository i gets repository (i mod base)'s score, history, finding lifetimes, facet and
 * tasks, with fresh ids and fingerprints. The rows, their sizes and the indexes the pages
 * read are those of a real scoring of the whole estate.
 */
async function cloneScoring(prisma: PrismaClient, base: number, repos: number): Promise<void> {
  const tables = ["RepoScore", "RepoScoreSnapshot", "RepoFacet", "FindingLifetime", "RemediationTask"];
  for (const table of tables) {
    const cols = await prisma.$queryRaw<Array<{ column_name: string }>>`
      SELECT column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY ordinal_position`;
    const names = cols.map((c) => c.column_name);
    const expr = (c: string) =>
      c === "repositoryId"
        ? "m.target"
        : c === "id"
          ? `md5(m.target || t."id")`
          : c === "fingerprint"
            ? `substr(md5(m.target || t."fingerprint"), 1, 16)`
            : `t."${c}"`;
    await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(", ")})
       SELECT ${names.map(expr).join(", ")} FROM "${table}" t JOIN (
         SELECT 'r' || lpad(g::text, 6, '0') AS target, 'r' || lpad((g % ${base})::text, 6, '0') AS source
         FROM generate_series(${base}, ${repos - 1}) g) m ON t."repositoryId" = m.source`,
    );
  }
  await prisma.$executeRawUnsafe(`UPDATE "OrgScoreSnapshot" SET repositories = ${repos}`);
}

/**
 * A scored organisation: `base` repositories scored through the real write path (scores,
 * history, remediation tasks), the rest carrying copies of their rows (cloneScoring).
 * Scoring 10,000 repositories for real takes half an hour on the shared 2-core machine;
 * what the benchmarks time is reading and exporting those rows, not writing them.
 */
export async function seedScoredOrg(
  prisma: PrismaClient,
  repos: number,
  now: Date,
  base = Math.min(repos, 500),
): Promise<{ id: string }> {
  const org = await prisma.organization.create({ data: { login: BENCH_ORG } });
  await insertRepos(prisma, org.id, 0, base);
  await scoreOrganization(systemActor("bench"), { organizationId: org.id, now });
  await insertRepos(prisma, org.id, base, repos);
  if (repos > base) await cloneScoring(prisma, base, repos);
  await prisma.$executeRawUnsafe("ANALYZE");
  return org;
}
