// The dashboard and API under load (issues 9 and 11): the production build against
// 10,000 repositories with 90 days of history, 16 concurrent signed-in users (see
// bench/web/web-main.ts). Figures are response times in milliseconds.
import { z } from "zod";
import { spawnForResult } from "../spawn-json";
import type { BenchGroup } from "../types";

const times = z.object({ p50: z.number(), p95: z.number(), n: z.number() });
const resultSchema = z.object({
  repos: z.number(),
  connections: z.number(),
  figures: z.object({
    overview: times,
    repoPage: times,
    tasks: times,
    threatModel: times,
    apiRepos: times,
  }),
});
const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "web",
  async run() {
    // Always the full 10,000 repositories the targets are set for.
    const r = resultSchema.parse(
      await spawnForResult("bench/web/web-main.ts", ["10000", "160"], "BENCH-WEB"),
    );
    const f = r.figures;
    return {
      "web.overview.p50ms": round(f.overview.p50),
      "web.overview.p95ms": round(f.overview.p95),
      "web.repoPage.p50ms": round(f.repoPage.p50),
      "web.repoPage.p95ms": round(f.repoPage.p95),
      "web.tasks.p95ms": round(f.tasks.p95),
      "web.apiRepos.p95ms": round(f.apiRepos.p95),
      "web.threatModel.p95ms": round(f.threatModel.p95),
      "web.concurrentUsers": r.connections,
    };
  },
};
