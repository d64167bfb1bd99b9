import "server-only";
import { parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { getSenderBoss } from "../../sync/jobs/boss";
import { enqueueSyncRequest } from "../../sync/jobs/queues";
import { receiveGitHubWebhook, type WebhookDelivery } from "../../sync/webhooks/receive";

/**
 * A GitHub webhook delivery, wired to this process's database, key and queue. Not an
 * authorised verb: the sender is GitHub, proven by the delivery's signature, which
 * receiveGitHubWebhook verifies before anything is queued.
 */
export async function receiveWebhook(delivery: WebhookDelivery) {
  const env = getEnv();
  return receiveGitHubWebhook(
    {
      db: getDb(),
      key: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
      envSecret: env.GITHUB_WEBHOOK_SECRET ?? null,
      enqueue: async (req) => enqueueSyncRequest(await getSenderBoss(env.DATABASE_URL), req),
    },
    delivery,
  );
}
