"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { saveGitHubConnection } from "@/lib/server/sync/save-github-connection";
import { startSync } from "@/lib/server/sync/start-sync";

export async function startSyncAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await startSync(await getActor(), {
      organizationId: form.get("organizationId"),
      kind: form.get("kind") ?? undefined,
    });
    revalidatePath("/sync");
  });
}

export async function saveConnectionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const kind = form.get("kind");
    const credentials =
      kind === "app"
        ? {
            kind: "app",
            appId: form.get("appId"),
            installationId: form.get("installationId"),
            privateKey: form.get("privateKey"),
          }
        : { kind: "token", token: form.get("token") };
    const webhookSecret = form.get("webhookSecret");
    await saveGitHubConnection(await getActor(), {
      organizationId: form.get("organizationId"),
      baseUrl: form.get("baseUrl"),
      credentials,
      webhookSecret: typeof webhookSecret === "string" && webhookSecret.length > 0 ? webhookSecret : null,
    });
    revalidatePath("/sync");
  });
}
