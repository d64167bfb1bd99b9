import { z } from "zod";
import { requestActor } from "@/lib/api/request-actor";
import type { Actor } from "@/lib/server/authz/actor";
import { isAppError } from "@/lib/errors";
import { ThreatModelConflictError } from "@/lib/server/internal/threat-model-store";
import { getThreatModel } from "@/lib/server/threat-models/get-threat-model";
import { saveThreatModel } from "@/lib/server/threat-models/save-threat-model";

// REST v1 threat model: an API key (Authorization: Bearer) or the dashboard session. The
// data layer authorises (auditors read, never write). Not yet on apiRoute: its 409 answer
// carries the conflicting changes, which the wrapper's error shape has no room for.
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

async function present(actor: Actor | null, owner: string, name: string) {
  const view = await getThreatModel(actor, { owner, name });
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

export async function GET(request: Request, ctx: Ctx) {
  const { owner, name } = await ctx.params;
  try {
    return Response.json(await present(await requestActor(request), owner, name));
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
    const actor = await requestActor(request);
    const { revision, ...model } = body.parse(await request.json().catch(() => null));
    await saveThreatModel(actor, { owner, name, revision, model });
    return Response.json(await present(actor, owner, name));
  } catch (error) {
    return failure(error);
  }
}
