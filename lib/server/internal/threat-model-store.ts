import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { describeChange, diffModels } from "../../threat-model/diff";
import { assetSchema, threatModelSchema, type Asset, type ThreatModel } from "../../threat-model/model";
import { appendAuditEntry } from "./append-audit-entry";
import { assertOrgScope } from "./org-scope";
import { threatModelColumn } from "./json-columns";
import type { Actor } from "../authz/actor";

// Shared by the threat-model verbs (they authorise; this does not): finding the
// repository, reading stored models, and writing a revision under optimistic concurrency.

const segment = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/);
export const repoInput = z.object({ owner: segment, name: segment });

/** The repository named by `{ owner, name }`, or not_found (also outside the actor's organisations). */
export async function findRepository(raw: unknown, actor: Actor) {
  const parsed = repoInput.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such repository.");
  const repo = await getDb().repository.findUnique({
    where: { fullName: `${parsed.data.owner}/${parsed.data.name}` },
    select: { id: true, fullName: true, organizationId: true },
  });
  if (!repo) throw new AppError("not_found", "No such repository.");
  assertOrgScope(actor, repo.organizationId, "No such repository.");
  return { id: repo.id, fullName: repo.fullName };
}

/** Stored JSON is re-validated on read: a row written by an older version fails loudly, not subtly. */
export const storedModel = (json: unknown): ThreatModel => threatModelSchema.parse(json);

const storedAssetsSchema = z.array(assetSchema);
/** A stored model's assets alone, validated like storedModel validates them. */
export const storedAssets = (json: unknown): Asset[] => storedAssetsSchema.parse(json);

/** A save refused because someone else saved first; `changes` says what they changed. */
export class ThreatModelConflictError extends AppError {
  constructor(
    readonly currentRevision: number,
    readonly changes: string[],
  ) {
    super(
      "conflict",
      `Someone saved revision ${currentRevision} while you were editing. ${
        changes.length ? `They changed: ${changes.join("; ")}.` : "Nothing you see changed."
      } Your edits are kept: review them and save again.`,
    );
  }
}

export type RevisionSource =
  "generated" | "saved" | "regenerated" | "restored" | "imported-markdown" | "imported-threat-dragon";

export interface WriteRevision {
  repository: { id: string; fullName: string };
  expectedRevision: number;
  model: ThreatModel;
  source: RevisionSource;
  note?: string;
  details?: Record<string, unknown>;
}

/** Writes a new revision when `expectedRevision` is still current, audited in the same transaction. */
export async function writeRevision(actor: Actor, w: WriteRevision): Promise<{ revision: number }> {
  const model = threatModelSchema.parse(w.model);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ revision: number; model: unknown }>>`
      SELECT "revision", "model" FROM "ThreatModel" WHERE "repositoryId" = ${w.repository.id} FOR UPDATE`;
    const current = rows[0];
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== w.expectedRevision) {
      const base = await tx.threatModelRevision.findUnique({
        where: { repositoryId_revision: { repositoryId: w.repository.id, revision: w.expectedRevision } },
        select: { model: true },
      });
      const changes =
        base && current
          ? diffModels(storedModel(base.model), storedModel(current.model)).map(describeChange)
          : [];
      throw new ThreatModelConflictError(currentRevision, changes);
    }
    const revision = currentRevision + 1;
    const json = threatModelColumn.write(model);
    const now = new Date();
    await tx.threatModel.upsert({
      where: { repositoryId: w.repository.id },
      create: { repositoryId: w.repository.id, revision, model: json, updatedAt: now },
      update: { revision, model: json, updatedAt: now },
    });
    await tx.threatModelRevision.create({
      data: {
        repositoryId: w.repository.id,
        revision,
        model: json,
        authorId: actor.userId.startsWith("system:") ? null : actor.userId,
        authorLogin: actor.login,
        source: w.source,
        note: w.note ?? "",
      },
    });
    const previous = current ? storedModel(current.model) : null;
    await appendAuditEntry(
      actor,
      {
        action: `threatmodel.${w.source}`,
        targetType: "repository",
        targetId: w.repository.fullName,
        details: {
          revision,
          changes: previous ? diffModels(previous, model).map(describeChange).slice(0, 200) : ["created"],
          ...w.details,
        },
      },
      tx,
    );
    return { revision };
  });
}
