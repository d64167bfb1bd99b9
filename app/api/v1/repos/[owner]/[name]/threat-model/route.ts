import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { AppError } from "@/lib/errors";
import { saveThreatModel } from "@/lib/server/threat-models/save-threat-model";
import { presentThreatModel, RepoParams, ThreatModelSchema } from "./present";

// REST v1 threat model. Also serves the dashboard session (the editor's forged-save guard
// is tested through it); the data layer authorises either way: auditors read, never write.

async function current(
  actor: Parameters<typeof presentThreatModel>[0],
  repo: { owner: string; name: string },
) {
  const model = await presentThreatModel(actor, repo);
  if (!model) throw new AppError("not_found", "This repository has no threat model yet.");
  return model;
}

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/repos/{owner}/{name}/threat-model",
    summary: "A repository's threat model with each threat's live status",
    description:
      "A check control's `status` is the check's latest result; a threat whose check controls all pass is `mitigated`, one with a failing check is `open` (unless its risk is accepted or transferred).",
    tags: ["threat models"],
    params: RepoParams,
    response: ThreatModelSchema,
    session: true,
  },
  async ({ actor, params }) => current(actor, params),
);

export const PUT = apiRoute(
  {
    method: "PUT",
    path: "/api/v1/repos/{owner}/{name}/threat-model",
    summary: "Save a new revision of the threat model",
    description:
      "`revision` is the revision the edit started from: if someone saved since, the answer is 409 naming what they changed, and nothing is saved. The model is validated whole (422 names the field) before anything is written.",
    tags: ["threat models"],
    params: RepoParams,
    body: z
      .object({
        revision: z.number().int().min(0),
        assets: z.array(z.unknown()),
        boundaries: z.array(z.unknown()),
        controls: z.array(z.unknown()),
        threats: z.array(z.unknown()),
      })
      .strict(),
    response: ThreatModelSchema,
    session: true,
  },
  async ({ actor, params, body }) => {
    const { revision, ...model } = body;
    await saveThreatModel(actor, { ...params, revision, model });
    return current(actor, params);
  },
);
