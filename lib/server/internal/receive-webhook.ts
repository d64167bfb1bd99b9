import "server-only";
import { parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { readBoundedBody } from "../../http/read-bounded-body";
import { getSenderBoss } from "../../sync/jobs/boss";
import { enqueueSyncRequest } from "../../sync/jobs/queues";
import {
  MAX_WEBHOOK_BODY_BYTES,
  receiveGitHubWebhook,
  type WebhookAnswer,
} from "../../sync/webhooks/receive";
import { appendAuditEntry } from "./append-audit-entry";
import { requestMetaFrom } from "./request-context";
import { FIXED_RULES, throttle } from "./throttle";

/**
 * A GitHub webhook request, wired to this process's database, key and queue. Not an
 * authorised verb: the sender is GitHub, proven by the delivery's signature, which
 * receiveGitHubWebhook verifies before anything is queued. Around it: the client IP's
 * delivery budget (429), the body bound while streaming (413), and signature failures
 * audited in aggregate (the first per IP and hour as `webhook.signature_failed`, the
 * next as one `rate_limit.exceeded`, the rest only counted).
 */
export async function receiveWebhook(request: Request): Promise<WebhookAnswer & { retryAfter?: number }> {
  const meta = requestMetaFrom(request.headers);
  const who = { userId: null, login: null, ...meta };
  const ip = meta.ip ?? "unknown";
  const budget = await throttle(FIXED_RULES.webhookIp, ip, who);
  if (!budget.allowed)
    return {
      status: 429,
      body: { ok: false, message: "too many deliveries" },
      retryAfter: budget.retryAfterSeconds,
    };
  const body = await readBoundedBody(request, MAX_WEBHOOK_BODY_BYTES);
  if (!body.ok) return { status: 413, body: { ok: false, message: "payload too large" } };
  const env = getEnv();
  const delivery = request.headers.get("x-github-delivery");
  const answer = await receiveGitHubWebhook(
    {
      db: getDb(),
      key: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
      envSecret: env.GITHUB_WEBHOOK_SECRET ?? null,
      enqueue: async (req) => enqueueSyncRequest(await getSenderBoss(env.DATABASE_URL), req),
    },
    {
      event: request.headers.get("x-github-event"),
      delivery,
      signature: request.headers.get("x-hub-signature-256"),
      body: body.text,
    },
  );
  if (answer.status === 401) {
    const tally = await throttle(FIXED_RULES.webhookBadSignature, ip, who);
    if (tally.allowed)
      await appendAuditEntry(who, {
        action: "webhook.signature_failed",
        targetType: "webhook_delivery",
        targetId: delivery ?? undefined,
        details: { reason: answer.body.message },
      });
  }
  return answer;
}
