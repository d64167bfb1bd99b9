import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { FRAMEWORK_IDS } from "@/lib/evidence/frameworks/schema";
import { createEvidencePack } from "@/lib/server/evidence/create-evidence-pack";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/evidence-packs",
    summary: "Start an evidence-pack export",
    description:
      "Queues a signed, framework-mapped evidence pack as of a date (auditors and security leads). Poll GET /api/v1/evidence-packs/{id}; download from …/download.",
    tags: ["evidence"],
    body: z
      .object({
        framework: z.enum(FRAMEWORK_IDS),
        asOf: z.string().optional(),
        scope: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    response: z.object({ id: z.string(), status: z.string() }),
  },
  async ({ actor, body }) => createEvidencePack(actor, body),
);
