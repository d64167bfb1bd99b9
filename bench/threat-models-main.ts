// Threat-model generation for N repositories after a full sync, in its own process (run
// with --conditions=react-server, as the worker is, since it calls lib/server). The
// snapshots are synthetic but shaped like synced ones: real workflow files from the bench
// corpus, a Dockerfile, a Kubernetes manifest, environments, secrets and an image. Prints
// one JSON line: the first generation (every model created) and a regeneration (merge,
// nothing changed) in seconds.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setDb } from "../lib/db";
import type { RepoFacts } from "../lib/facts/types";
import { systemActor } from "../lib/server/authz/actor";
import { generateThreatModels } from "../lib/server/threat-models/generate-threat-models";
import { createBenchDatabase } from "../testing/sync/bench-db";

// Generation appends an audit entry per page, signed with the audit key: the bench has its own.
process.env.GATEHOUSE_AUDIT_KEY ??= Buffer.alloc(32, 7).toString("base64");
const repos = Number(process.argv[2] ?? "10000");
const corpus = fileURLToPath(new URL("./fixtures/workflows", import.meta.url));
const workflows = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .flatMap((dir) =>
    readdirSync(path.join(corpus, dir)).map((f) => ({
      name: f,
      text: readFileSync(path.join(corpus, dir, f), "utf8"),
    })),
  );

function facts(i: number): RepoFacts {
  const wf = [0, 1, 2].map((k) => workflows[(i * 3 + k) % workflows.length]!);
  return {
    owner: "bench",
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
          name: `ghcr.io/bench/repo-${i}`,
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

const db = await createBenchDatabase();
try {
  setDb(db.prisma);
  const org = await db.prisma.organization.create({ data: { login: "bench" } });
  for (let start = 0; start < repos; start += 500) {
    const ids = Array.from({ length: Math.min(500, repos - start) }, (_, k) => start + k);
    await db.prisma.repository.createMany({
      data: ids.map((i) => ({
        id: `r${String(i).padStart(6, "0")}`,
        organizationId: org.id,
        name: `repo-${i}`,
        fullName: `bench/repo-${i}`,
      })),
    });
    await db.prisma.repoSnapshot.createMany({
      data: ids.map((i) => ({
        repositoryId: `r${String(i).padStart(6, "0")}`,
        fingerprint: "bench",
        factsVersion: 1,
        facts: JSON.parse(JSON.stringify(facts(i))),
        syncedAt: new Date(),
      })),
    });
  }
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const actor = systemActor("bench");
  let t = performance.now();
  const first = await generateThreatModels(actor, { organizationId: org.id });
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const again = await generateThreatModels(actor, { organizationId: org.id });
  const regenerateSeconds = (performance.now() - t) / 1000;
  if (first.created !== repos || again.unchanged !== repos)
    throw new Error(`unexpected run: ${JSON.stringify({ first, again })}`);
  process.stdout.write(
    `BENCH-TM ${JSON.stringify({ repos, generateSeconds, regenerateSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} finally {
  await db.drop();
}
