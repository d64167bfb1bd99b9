import "server-only";
import { z } from "zod";
import { parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { githubCredentialsSchema } from "../../github/auth/credentials";
import { saveConnection } from "../../sync/connection";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

const input = z.object({
  organizationId: z.string().min(1),
  baseUrl: z.url({ protocol: /^https?$/ }),
  credentials: githubCredentialsSchema,
  webhookSecret: z.string().min(16).nullish(),
});

/** Admins connect GitHub (App or token). The secret is sealed at rest and never echoed back. */
export async function saveGitHubConnection(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "settings:manage");
  const data = input.parse(raw);
  const id = await saveConnection(getDb(), parseKey(getEnv().GATEHOUSE_ENCRYPTION_KEY), data);
  await appendAuditEntry(who, {
    action: "github_connection.saved",
    targetType: "organization",
    targetId: data.organizationId,
    details: { connectionId: id, kind: data.credentials.kind, baseUrl: data.baseUrl },
  });
  return { id };
}
