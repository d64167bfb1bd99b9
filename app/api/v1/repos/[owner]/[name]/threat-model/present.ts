import { z } from "zod";
import { isoDate, Segment } from "@/lib/api/schemas";
import type { Actor } from "@/lib/server/authz/actor";
import { getThreatModel } from "@/lib/server/threat-models/get-threat-model";
import {
  assetSchema,
  boundarySchema,
  controlSchema,
  LEVELS,
  LINK_STATUSES,
  STAGES,
  STRIDE,
  THREAT_STATUSES,
} from "@/lib/threat-model/model";

// The threat model as every /threat-model route answers it: the stored model plus each
// threat's live status (check controls read the latest scoring).
export const RepoParams = z.object({ owner: Segment, name: Segment }).strict();

const CheckStatus = z.enum(["pass", "fail", "unknown", "not-applicable", "missing"]);

export const ThreatModelSchema = z
  .object({
    revision: z.number().int(),
    assets: z.array(assetSchema),
    boundaries: z.array(boundarySchema),
    controls: z.array(controlSchema),
    threats: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        category: z.enum(STRIDE),
        stage: z.enum(STAGES),
        likelihood: z.enum(LEVELS),
        impact: z.enum(LEVELS),
        status: z
          .enum(THREAT_STATUSES)
          .meta({ description: "Live: mitigated by evidence when every check control passes" }),
        storedStatus: z.enum(THREAT_STATUSES),
        assetIds: z.array(z.string()),
        controls: z.array(
          z.discriminatedUnion("kind", [
            z.object({
              id: z.string(),
              kind: z.literal("check"),
              check: z.string(),
              status: CheckStatus.meta({
                description: "The check's latest status (missing: the repository was not scored for it)",
              }),
              link: z.enum(LINK_STATUSES),
              task: z
                .string()
                .nullable()
                .meta({ description: "While the check fails: the page of its remediation task" }),
            }),
            z.object({
              id: z.string(),
              kind: z.literal("manual"),
              title: z.string(),
              owner: z.string(),
              status: z.enum(LINK_STATUSES),
            }),
          ]),
        ),
      }),
    ),
  })
  .meta({ id: "ThreatModel" });

export const RevisionSchema = z
  .object({
    revision: z.number().int(),
    author: z.string().nullable().meta({ description: "null for the system (generation after a sync)" }),
    source: z.string().meta({
      description: "generated | saved | regenerated | restored | imported-markdown | imported-threat-dragon",
    }),
    note: z.string(),
    createdAt: isoDate(),
  })
  .meta({ id: "ThreatModelRevision" });

export async function presentThreatModel(
  actor: Actor,
  repo: { owner: string; name: string },
): Promise<z.input<typeof ThreatModelSchema> | null> {
  const view = await getThreatModel(actor, repo);
  if (!view.model) return null;
  return {
    revision: view.revision,
    assets: view.model.assets,
    boundaries: view.model.boundaries,
    controls: view.model.controls,
    threats: view.threats.map((t) => ({
      id: t.id,
      title: t.title,
      category: t.category,
      stage: t.stage,
      likelihood: t.likelihood,
      impact: t.impact,
      status: t.effectiveStatus,
      storedStatus: t.status,
      assetIds: t.assetIds,
      controls: t.links.map((l) =>
        l.control.kind === "check"
          ? {
              id: l.controlId,
              kind: "check" as const,
              check: l.control.check,
              status: l.live ?? "missing",
              link: l.status,
              task: l.taskHref,
            }
          : {
              id: l.controlId,
              kind: "manual" as const,
              title: l.control.title,
              owner: l.control.owner,
              status: l.status,
            },
      ),
    })),
  };
}
