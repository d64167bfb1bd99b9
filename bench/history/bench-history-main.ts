// A simulated year of daily scorings through the real write path (scoreOrganization), with
// churn drawn from a seeded generator, then the bytes the history tables hold. Runs in its
// own process with the react-server condition (lib/server modules are "server-only").
// argv: <repos> <days>. Prints one "BENCH-HISTORY {json}" line.
import { setDb } from "../../lib/db";
import { systemActor } from "../../lib/server/authz/actor";
import { scoreOrganization } from "../../lib/server/scores/score-organization";
import { createBenchDatabase } from "../../testing/sync/bench-db";
import { makeEnvironment, makeFacts, makeOrg } from "../../testing/facts";
import { createRepoChurn } from "./churn";

const repos = Number(process.argv[2] ?? "50");
const days = Number(process.argv[3] ?? "365");
const db = await createBenchDatabase();
try {
  setDb(db.prisma);
  const org = await db.prisma.organization.create({ data: { login: "acme" } });
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: org.id,
      facts: JSON.parse(
        JSON.stringify({
          settings: makeOrg({ login: "acme", twoFactorRequired: false }),
          secrets: [],
          alerts: { secretScanning: {}, dependabot: {} },
          actionAdvisories: [],
        }),
      ),
    },
  });
  const churn = createRepoChurn(20261205);
  const ids: string[] = [];
  for (let i = 0; i < repos; i++) {
    const name = `svc-${String(i).padStart(5, "0")}`;
    const repo = await db.prisma.repository.create({
      data: { organizationId: org.id, name, fullName: `acme/${name}` },
    });
    ids.push(repo.id);
    churn.add(repo.id);
  }
  const factsOf = (id: string, i: number) =>
    JSON.parse(
      JSON.stringify(
        makeFacts({
          name: `svc-${String(i).padStart(5, "0")}`,
          files: churn.files(id),
          paths: churn.files(id).map((f) => f.path),
          settings: {
            environments:
              i % 3 === 0 ? [makeEnvironment({ requiredReviewers: i % 6 === 0 ? [] : undefined })] : [],
          },
        }),
      ),
    );
  await db.prisma.repoSnapshot.createMany({
    data: ids.map((id, i) => ({
      repositoryId: id,
      fingerprint: "fp",
      factsVersion: 1,
      facts: factsOf(id, i),
      syncedAt: new Date(0),
    })),
  });
  const start = Date.UTC(2026, 0, 1, 3);
  let snapshots = 0;
  const started = performance.now();
  for (let d = 0; d < days; d++) {
    const changed = churn.day();
    for (const id of changed)
      await db.prisma.repoSnapshot.update({
        where: { repositoryId: id },
        data: { facts: factsOf(id, ids.indexOf(id)), syncedAt: new Date(start + d * 86_400_000) },
      });
    const run = await scoreOrganization(systemActor("sync"), {
      organizationId: org.id,
      now: new Date(start + d * 86_400_000),
    });
    snapshots += run.snapshots;
  }
  const seconds = (performance.now() - started) / 1000;
  // Two measures. `relation`: pg_total_relation_size (heap, TOAST, indexes), which at a few
  // dozen repositories is mostly 8 KB page rounding. `rows`: what the rows themselves take,
  // the figure that scales: per heap tuple its data (pg_column_size) + 24-byte header + 4-byte
  // line pointer; per index entry its key + 8-byte index tuple header + 4-byte line pointer.
  const relation = async (table: string) => {
    const [row] = await db.prisma.$queryRawUnsafe<Array<{ bytes: bigint }>>(
      `SELECT pg_total_relation_size('"${table}"') AS bytes`,
    );
    return Number(row!.bytes);
  };
  const rowBytes = async (table: string, indexKeys: string[][]) => {
    const keySum = indexKeys
      .map((cols) => `sum(${cols.map((c) => `coalesce(pg_column_size("${c}"), 0)`).join(" + ")} + 12)`)
      .join(" + ");
    const [row] = await db.prisma.$queryRawUnsafe<Array<{ bytes: number }>>(
      `SELECT (coalesce(sum(pg_column_size(t.*) + 28), 0) + coalesce(${keySum}, 0))::float8 AS bytes FROM "${table}" t`,
    );
    return Number(row!.bytes);
  };
  const tables = {
    RepoScoreSnapshot: [["repositoryId", "takenAt"]],
    FindingLifetime: [["fingerprint"], ["repositoryId", "fixedAt"], ["organizationId", "checkId", "fixedAt"]],
    OrgScoreSnapshot: [["organizationId", "takenAt"]],
  } as const;
  const names = Object.keys(tables) as Array<keyof typeof tables>;
  for (const t of names) await db.prisma.$executeRawUnsafe(`VACUUM FULL "${t}"`);
  const after = Object.fromEntries(await Promise.all(names.map(async (t) => [t, await relation(t)])));
  const rows = Object.fromEntries(
    await Promise.all(
      names.map(async (t) => [
        t,
        await rowBytes(
          t,
          tables[t].map((k) => [...k]),
        ),
      ]),
    ),
  );
  const counts = {
    repoSnapshots: await db.prisma.repoScoreSnapshot.count(),
    lifetimes: await db.prisma.findingLifetime.count(),
    orgSnapshots: await db.prisma.orgScoreSnapshot.count(),
  };
  process.stdout.write(
    `BENCH-HISTORY ${JSON.stringify({ repos, days, seconds, snapshots, counts, relation: after, rows, changes: churn.changes() })}\n`,
  );
} finally {
  await db.drop();
}
