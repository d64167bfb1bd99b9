import { requestActor } from "@/lib/api/request-actor";
import { exportAuditEntries } from "@/lib/server/audit/export-audit-entries";
import { errorResponse } from "@/lib/server/http-error";

export const dynamic = "force-dynamic";

/**
 * The audit page's CSV/JSON export of the filtered range (same query string as the page:
 * actor, action, target, from, to, plus format). Streamed; the verb authorises and audits.
 */
export async function GET(request: Request) {
  try {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const file = await exportAuditEntries(await requestActor(request), query);
    return new Response(file.stream, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
