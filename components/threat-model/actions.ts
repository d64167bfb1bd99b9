"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { runAction } from "@/lib/server/action-result";
import { ThreatModelConflictError } from "@/lib/server/internal/threat-model-store";
import { acceptThreatRisk } from "@/lib/server/threat-models/accept-threat-risk";
import { importThreatModel } from "@/lib/server/threat-models/import-threat-model";
import { restoreThreatModelRevision } from "@/lib/server/threat-models/restore-threat-model-revision";
import { saveThreatModel } from "@/lib/server/threat-models/save-threat-model";
import type { ThreatModelActionState } from "@/components/threat-model/action-state";

// The page's writes. Each goes through the authorised lib/server verb (auditors are
// refused there, not here); a conflict comes back with what the other person changed so
// the editor can keep the user's draft and show it.

async function run(
  owner: string,
  name: string,
  work: () => Promise<{ revision: number }>,
): Promise<ThreatModelActionState> {
  let revision = 0;
  let conflict: { currentRevision: number; changes: string[] } | undefined;
  const result = await runAction(async () => {
    try {
      revision = (await work()).revision;
    } catch (error) {
      if (error instanceof ThreatModelConflictError)
        conflict = { currentRevision: error.currentRevision, changes: error.changes };
      throw error;
    }
  });
  revalidatePath(`/repos/${owner}/${name}/threat-model`);
  if (!result || result.ok) return { ok: true, revision, message: `Saved revision ${revision}.` };
  return { ok: false, error: result.error, conflict };
}

export async function saveThreatModelAction(input: {
  owner: string;
  name: string;
  revision: number;
  model: unknown;
}): Promise<ThreatModelActionState> {
  return run(input.owner, input.name, async () => saveThreatModel(await getActor(), input));
}

export async function restoreRevisionAction(input: {
  owner: string;
  name: string;
  revision: number;
  restore: number;
}): Promise<ThreatModelActionState> {
  return run(input.owner, input.name, async () => restoreThreatModelRevision(await getActor(), input));
}

export async function importThreatModelAction(input: {
  owner: string;
  name: string;
  revision: number;
  format: "markdown" | "threat-dragon";
  text: string;
}): Promise<ThreatModelActionState> {
  return run(input.owner, input.name, async () => importThreatModel(await getActor(), input));
}

/** Security leads: accepts a threat's risk as policy exceptions on its check controls. */
export async function acceptThreatRiskAction(input: {
  owner: string;
  name: string;
  revision: number;
  threatId: string;
  justification: string;
  expiresAt: string;
}): Promise<ThreatModelActionState> {
  return run(input.owner, input.name, async () => acceptThreatRisk(await getActor(), input));
}
