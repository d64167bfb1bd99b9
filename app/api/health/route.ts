import { checkHealth } from "@/lib/server/internal/check-health";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for compose healthchecks and load balancers. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
