import "server-only";
import { z } from "zod";
import { parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { githubCredentialsSchema } from "../../github/auth/credentials";
import { AppError } from "../../errors";
import { checkOutboundUrl, UnsafeUrlError } from "../../net/outbound-url";
import { saveConnection } from "../../sync/connection";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
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
  assertOrgScope(who, data.organizationId, "No such organisation.");
  const env = getEnv();
  // Throws UnsafeUrlError (naming host and reason, never a secret) for metadata,
  // link-local, and (outside demo/test mode) loopback or private addresses.
  await checkOutboundUrl(data.baseUrl, { allowPrivate: env.GATEHOUSE_ALLOW_PRIVATE_NETWORK }).catch(
    (error: unknown) => {
      if (error instanceof UnsafeUrlError) throw new AppError("invalid", `GitHub API URL ${error.message}`);
      throw new AppError("invalid", "GitHub API URL does not resolve");
    },
  );
  const id = await saveConnection(getDb(), parseKey(env.GATEHOUSE_ENCRYPTION_KEY), data);
  await appendAuditEntry(who, {
    action: "github_connection.saved",
    targetType: "organization",
    targetId: data.organizationId,
    details: { connectionId: id, kind: data.credentials.kind, baseUrl: data.baseUrl },
  });
  return { id };
}
