import { getActor } from "@/lib/auth";
import { downloadEvidencePack } from "@/lib/server/evidence/download-evidence-pack";
import { errorResponse } from "@/lib/server/http-error";

export const dynamic = "force-dynamic";

/** Streams the zip from its stored chunks; the download is audited by the verb. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const pack = await downloadEvidencePack(await getActor(), { id: (await params).id });
    const headers: Record<string, string> = {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pack.filename}"`,
      "cache-control": "no-store",
    };
    if (pack.sizeBytes !== null) headers["content-length"] = String(pack.sizeBytes);
    if (pack.sha256) headers["x-content-sha256"] = pack.sha256;
    return new Response(pack.stream, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
