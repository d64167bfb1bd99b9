import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { getEvidencePack } from "@/lib/server/evidence/get-evidence-pack";
import { PackSchema, packView } from "../pack-schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/evidence-packs/{id}",
    summary: "An evidence pack's status and progress",
    tags: ["evidence"],
    params: z.object({ id: z.string().min(1).max(64) }),
    response: PackSchema,
  },
  async ({ actor, params }) => packView(await getEvidencePack(actor, params)),
);
