import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { exportThreatModel } from "@/lib/server/threat-models/export-threat-model";

// Download of THREATS.md or a Threat Dragon file for the signed-in user (the data layer
// authorises). The REST API's export (issue 9's API keys) can call the same verb.
export async function GET(request: Request, ctx: { params: Promise<{ owner: string; name: string }> }) {
  const { owner, name } = await ctx.params;
  const format = new URL(request.url).searchParams.get("format") ?? "markdown";
  try {
    const file = await exportThreatModel(await getActor(), { owner, name, format });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const status = isAppError(error, "unauthenticated")
      ? 401
      : isAppError(error, "forbidden")
        ? 403
        : isAppError(error, "not_found")
          ? 404
          : null;
    if (status) return Response.json({ error: (error as Error).message }, { status });
    if (error instanceof Error && error.name === "ZodError")
      return Response.json({ error: "format must be markdown or threat-dragon" }, { status: 400 });
    throw error;
  }
}
