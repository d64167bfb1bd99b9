import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const input = z.object({
  login: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/),
});

/** One organisation by its GitHub login (case-insensitive), or not_found. */
export async function getOrganization(
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string; login: string; name: string | null }> {
  const who = await authorize(actor, "dashboard:read");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such organisation.");
  const org = await getDb().organization.findFirst({
    where: { login: { equals: parsed.data.login, mode: "insensitive" } },
    select: { id: true, login: true, name: true },
  });
  if (!org) throw new AppError("not_found", "No such organisation.");
  assertOrgScope(who, org.id, "No such organisation.");
  return org;
}
