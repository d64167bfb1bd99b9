import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { isoDate, ScoreSchema, Segment } from "@/lib/api/schemas";
import type { Grade } from "@/lib/scoring";
import { getRepoHistory } from "@/lib/server/history/get-repo-history";
import { getRepoScore } from "@/lib/server/scores/get-repo-score";
import { repoFindings } from "./findings";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/repos/{owner}/{name}",
    summary: "One repository's score and its failing findings",
    description:
      "Findings of failing checks, suppressed ones included with status `suppressed`. `firstSeenAt` is when the finding was first seen failing (it survives line moves; null for an accepted finding and for an organisation setting).",
    tags: ["repositories"],
    params: z.object({ owner: Segment, name: Segment }).strict(),
    response: z.object({
      fullName: z.string(),
      archived: z.boolean(),
      scoredAt: isoDate().nullable(),
      score: ScoreSchema.nullable(),
      findings: z.array(
        z.object({
          check: z.string(),
          status: z.enum(["fail", "suppressed"]),
          severity: z.enum(["critical", "high", "medium", "low"]),
          file: z.string().nullable(),
          line: z.number().int().nullable(),
          setting: z
            .string()
            .nullable()
            .meta({ description: "The API field, for a finding about a setting" }),
          message: z.string(),
          remediation: z.string(),
          firstSeenAt: isoDate().nullable(),
        }),
      ),
    }),
  },
  async ({ actor, params }) => {
    const { repository, score } = await getRepoScore(actor, params);
    // By the stored name: the path may differ in case.
    const [owner, name] = repository.fullName.split("/");
    const history = await getRepoHistory(actor, { owner, name, days: 1 });
    return {
      fullName: repository.fullName,
      archived: repository.archived,
      scoredAt: score?.computedAt.toISOString() ?? null,
      score: score && {
        overall: score.overall,
        grade: score.grade as Grade | null,
        identity: score.identity,
        secrets: score.secrets,
        supplyChain: score.supplyChain,
        integrity: score.integrity,
        changeControl: score.changeControl,
        coverage: score.coverage,
      },
      findings: score ? repoFindings(score.results, history.open) : [],
    };
  },
);
