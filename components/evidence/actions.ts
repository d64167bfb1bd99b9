"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { createEvidencePack } from "@/lib/server/evidence/create-evidence-pack";

export async function exportPackAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const pattern = String(form.get("pattern") ?? "").trim();
    const team = String(form.get("team") ?? "").trim();
    const asOf = String(form.get("asOf") ?? "").trim();
    const criticalOnly = form.get("critical") === "1" || undefined;
    if (pattern && team)
      throw new AppError("invalid", "team: give a team or a repository pattern, not both.");
    await createEvidencePack(await getActor(), {
      framework: form.get("framework"),
      asOf: asOf || undefined,
      scope: team
        ? { kind: "team", team, criticalOnly }
        : pattern
          ? { kind: "pattern", pattern, criticalOnly }
          : { kind: "all", criticalOnly },
    });
    revalidatePath("/evidence");
  });
}
