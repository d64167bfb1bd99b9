import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const input = z.object({ organizationId: z.string().min(1) });

/** The connection as admins see it: kind and ids, never the sealed secrets. */
export async function getGitHubConnection(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "settings:manage");
  const { organizationId } = input.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const row = await getDb().gitHubConnection.findUnique({
    where: { organizationId },
    omit: { secretCiphertext: true, webhookSecretCiphertext: true },
  });
  return (
    row && {
      id: row.id,
      kind: row.kind,
      baseUrl: row.baseUrl,
      appId: row.appId,
      installationId: row.installationId,
      updatedAt: row.updatedAt,
    }
  );
}
