"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { createEvidencePack } from "@/lib/server/evidence/create-evidence-pack";

export async function exportPackAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const pattern = String(form.get("pattern") ?? "").trim();
    const asOf = String(form.get("asOf") ?? "").trim();
    await createEvidencePack(await getActor(), {
      framework: form.get("framework"),
      asOf: asOf || undefined,
      scope: pattern ? { kind: "pattern", pattern } : { kind: "all" },
    });
    revalidatePath("/evidence");
  });
}
