import { parseKey } from "@/lib/crypto/aead";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getSenderBoss } from "@/lib/sync/jobs/boss";
import { enqueueSyncRequest } from "@/lib/sync/jobs/queues";
import { receiveGitHubWebhook } from "@/lib/sync/webhooks/receive";

export const dynamic = "force-dynamic";

/** GitHub webhooks: verified with x-hub-signature-256, then a targeted resync is queued. */
export async function POST(request: Request) {
  const env = getEnv();
  const answer = await receiveGitHubWebhook(
    {
      db: getDb(),
      key: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
      envSecret: env.GITHUB_WEBHOOK_SECRET ?? null,
      enqueue: async (req) => enqueueSyncRequest(await getSenderBoss(env.DATABASE_URL), req),
    },
    {
      event: request.headers.get("x-github-event"),
      delivery: request.headers.get("x-github-delivery"),
      signature: request.headers.get("x-hub-signature-256"),
      body: await request.text(),
    },
  );
  return Response.json(answer.body, { status: answer.status });
}
