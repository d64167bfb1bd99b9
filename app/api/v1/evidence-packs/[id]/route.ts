import { getActor } from "@/lib/auth";
import { getEvidencePack } from "@/lib/server/evidence/get-evidence-pack";
import { errorResponse } from "@/lib/server/http-error";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const pack = await getEvidencePack(await getActor(), { id: (await params).id });
    return Response.json({
      data: { ...pack, asOf: pack.asOf.toISOString(), createdAt: pack.createdAt.toISOString() },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
