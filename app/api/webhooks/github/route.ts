import { receiveWebhook } from "@/lib/server/internal/receive-webhook";

export const dynamic = "force-dynamic";

/** GitHub webhooks: bounded, verified with x-hub-signature-256, replay-checked, then a targeted resync is queued. */
export async function POST(request: Request) {
  const answer = await receiveWebhook(request);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (answer.retryAfter !== undefined) headers["retry-after"] = String(answer.retryAfter);
  return Response.json(answer.body, { status: answer.status, headers });
}
