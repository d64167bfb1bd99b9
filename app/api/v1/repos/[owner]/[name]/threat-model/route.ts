import { z } from "zod";
import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { ThreatModelConflictError } from "@/lib/server/internal/threat-model-store";
import { getThreatModel } from "@/lib/server/threat-models/get-threat-model";
import { saveThreatModel } from "@/lib/server/threat-models/save-threat-model";

// REST v1 threat model, authenticated by the dashboard session for now: the actor comes
// from getActor(), and API-key authentication (issue 9) replaces that one call. The
// data layer authorises (auditors read, never write).
type Ctx = { params: Promise<{ owner: string; name: string }> };

const STATUS = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 422, conflict: 409 } as const;

function failure(error: unknown): Response {
  if (error instanceof ThreatModelConflictError)
    return Response.json(
      { error: error.message, revision: error.currentRevision, changes: error.changes },
      { status: 409 },
    );
  if (isAppError(error)) return Response.json({ error: error.message }, { status: STATUS[error.code] });
  if (error instanceof z.ZodError)
    return Response.json(
      { error: "invalid body", issues: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 422 },
    );
  throw error;
}

async function present(owner: string, name: string) {
  const view = await getThreatModel(await getActor(), { owner, name });
  if (!view.model) return { data: null };
  return {
    data: {
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
            ? { id: l.controlId, kind: "check", check: l.control.check, status: l.live, link: l.status }
            : {
                id: l.controlId,
                kind: "manual",
                title: l.control.title,
                owner: l.control.owner,
                status: l.status,
              },
        ),
      })),
    },
  };
}

export async function GET(_request: Request, ctx: Ctx) {
  const { owner, name } = await ctx.params;
  try {
    return Response.json(await present(owner, name));
  } catch (error) {
    return failure(error);
  }
}

const body = z.object({
  revision: z.number().int().min(0),
  assets: z.array(z.unknown()),
  boundaries: z.array(z.unknown()),
  controls: z.array(z.unknown()),
  threats: z.array(z.unknown()),
});

/** Saves `{ revision, assets, boundaries, controls, threats }` (the stored model's shape) as a new revision. */
export async function PUT(request: Request, ctx: Ctx) {
  const { owner, name } = await ctx.params;
  try {
    const actor = await getActor();
    const { revision, ...model } = body.parse(await request.json().catch(() => null));
    await saveThreatModel(actor, { owner, name, revision, model });
    return Response.json(await present(owner, name));
  } catch (error) {
    return failure(error);
  }
}
