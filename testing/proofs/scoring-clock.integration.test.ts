import { afterAll, beforeAll, expect, it } from "vitest";
import type { Simulator } from "@/simulator";
import { setDb } from "@/lib/db";
import { systemActor } from "@/lib/server/authz/actor";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import {
  SCORING_CLOCK,
  createSite,
  kill,
  queueFullSync,
  siteState,
  startGeneratedSimulator,
  startWorker,
  untilSyncedAndScored,
  type Site,
  type Worker,
} from "./fleet";

// Why the proofs' databases compare equal at full size: scores are judged against a clock
// ("secret X was last updated 412 days ago"), and the full kill proof scores its reference
// and its killed database twenty minutes or more apart. Unpinned, every secret whose
// updated_at time of day fell in between read one day older in the second database (the
// "difference at 2,000 repositories" of docs/security.md). Proof workers score at
// SCORING_CLOCK, so scoring the same facts again at that clock changes nothing.
let sim: Simulator;
let site: Site;
const workers: Worker[] = [];

beforeAll(async () => {
  sim = await startGeneratedSimulator(30);
  site = await createSite(sim);
}, 120_000);
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await kill(w);
  await sim?.close();
  await site?.db.drop();
});

it("proof workers score against the pinned clock: re-scoring at that clock changes no score", async () => {
  workers.push(await startWorker(site, "clocked"));
  const runId = await queueFullSync(site);
  await untilSyncedAndScored(site, runId, 30);
  const byWorker = await siteState(site);
  // The generated organisation has secrets older than a year: the ages are in the results.
  expect(JSON.stringify(byWorker.scores)).toMatch(/last updated \d+ days ago/);

  setDb(site.db.prisma);
  await scoreOrganization(systemActor("sync"), { organizationId: site.organizationId, now: SCORING_CLOCK });
  expect((await siteState(site)).scores).toEqual(byWorker.scores);
}, 300_000);
