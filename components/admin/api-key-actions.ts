"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";
import { runAction, type ActionResult } from "@/lib/server/action-result";

export type CreateKeyResult = { ok: true; name: string; key: string } | { ok: false; error: string } | null;

const DAY_MS = 86_400_000;

/** The one response that carries a key in clear text: the creating admin's own. */
export async function createApiKeyAction(_prev: CreateKeyResult, form: FormData): Promise<CreateKeyResult> {
  let created: { name: string; key: string } | undefined;
  const result = await runAction(async () => {
    const days = Number(form.get("expiresInDays"));
    created = await createApiKey(await getActor(), {
      name: form.get("name"),
      role: form.get("role"),
      expiresInMs: Number.isFinite(days) ? days * DAY_MS : undefined,
      organizations: String(form.get("organizations") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean),
    });
    revalidatePath("/admin/api-keys");
  });
  if (!result?.ok || !created) return result && !result.ok ? result : { ok: false, error: "Not created." };
  return { ok: true, name: created.name, key: created.key };
}

export async function revokeApiKeyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await revokeApiKey(await getActor(), { id: form.get("id") });
    revalidatePath("/admin/api-keys");
  });
}
