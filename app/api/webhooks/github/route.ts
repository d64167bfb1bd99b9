import { receiveWebhook } from "@/lib/server/internal/receive-webhook";

export const dynamic = "force-dynamic";

/** GitHub webhooks: verified with x-hub-signature-256, then a targeted resync is queued. */
export async function POST(request: Request) {
  const answer = await receiveWebhook({
    event: request.headers.get("x-github-event"),
    delivery: request.headers.get("x-github-delivery"),
    signature: request.headers.get("x-hub-signature-256"),
    body: await request.text(),
  });
  return Response.json(answer.body, { status: answer.status });
}
