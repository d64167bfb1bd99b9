import { getActor } from "@/lib/auth";
import { createEvidencePack } from "@/lib/server/evidence/create-evidence-pack";
import { errorResponse } from "@/lib/server/http-error";

export const dynamic = "force-dynamic";

// Session auth for now; API keys (issue 9) plug in where getActor() resolves the caller.
export async function POST(request: Request) {
  try {
    const body: unknown = await request.json().catch(() => ({}));
    const pack = await createEvidencePack(await getActor(), body);
    return Response.json({ data: pack }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
