import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { isoDate } from "@/lib/api/schemas";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/api-keys",
    summary: "API keys (admins): name, role, display prefix and dates; never the key or its hash",
    tags: ["admin"],
    response: z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      role: z.enum(["admin", "security_lead", "engineer", "auditor"]),
      createdAt: isoDate(),
      expiresAt: isoDate(),
      revokedAt: isoDate().nullable(),
      lastUsedAt: isoDate().nullable(),
      organizations: z
        .array(z.string())
        .meta({ description: "Organisation logins the key is limited to; empty: every organisation" }),
    }),
  },
  async ({ actor }) => {
    const keys = await listApiKeys(actor);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const items = keys.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      role: k.role,
      createdAt: k.createdAt.toISOString(),
      expiresAt: k.expiresAt.toISOString(),
      revokedAt: iso(k.revokedAt),
      lastUsedAt: iso(k.lastUsedAt),
      organizations: k.organizations,
    }));
    return { items, total: items.length };
  },
);
