import "server-only";
import { z } from "zod";
import { catalogue } from "../../checks/catalogue";
import type { OrgSnapshotData } from "../../history/org-tally";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import { readLatestOrgSnapshot } from "../internal/read-latest-org-snapshot";
import type { Actor } from "../authz/actor";

export const listOrgChecksInput = z
  .object({
    organizationId: z.string().min(1),
    sort: z.enum(["failing", "check", "severity", "category"]).default("failing"),
    dir: z.enum(["asc", "desc"]).optional(),
  })
  .strict();

export const orgCheckItem = z.object({
  check: z.string(),
  title: z.string(),
  category: z.string(),
  severity: z.string(),
  /** Repositories failing it at repository level (org settings are in orgFailing). */
  failing: z.number().int(),
  passing: z.number().int(),
  unknown: z.number().int(),
  /** Repositories where it could be judged (failing + passing); unknown is never a pass. */
  total: z.number().int(),
  /** Failing as an organisation setting (counted once). */
  orgFailing: z.boolean(),
});
export type OrgCheckItem = z.infer<typeof orgCheckItem>;

const SEVERITY_RANK: Record<string, number> = { critical: 3, high: 2, medium: 1, low: 0 };

/** Every check in the catalogue with how many repositories fail it, from the latest org snapshot. */
export async function listOrgChecks(
  actor: Actor | null,
  raw: unknown,
): Promise<{ items: OrgCheckItem[]; total: number; takenAt: Date | null }> {
  const who = await authorize(actor, "dashboard:read");
  const { organizationId, sort, dir } = listOrgChecksInput.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const row = await readLatestOrgSnapshot(organizationId);
  const checks = (row?.checks ?? {}) as OrgSnapshotData["checks"];
  const orgFailing = new Set(
    ((row?.orgFindings ?? []) as OrgSnapshotData["orgFindings"]).map((f) => f.checkId),
  );
  const items = catalogue.map((c) => {
    const [failing, passing, unknown] = checks[c.id] ?? [0, 0, 0];
    return {
      check: c.id,
      title: c.title,
      category: c.category,
      severity: c.severity,
      failing,
      passing,
      unknown,
      total: failing + passing,
      orgFailing: orgFailing.has(c.id),
    };
  });
  const key: Record<typeof sort, (i: OrgCheckItem) => number | string> = {
    failing: (i) => i.failing,
    check: (i) => i.check,
    severity: (i) => SEVERITY_RANK[i.severity] ?? 0,
    category: (i) => i.category,
  };
  const direction = (dir ?? (sort === "failing" || sort === "severity" ? "desc" : "asc")) === "asc" ? 1 : -1;
  items.sort((a, b) => {
    const x = key[sort](a);
    const y = key[sort](b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c !== 0 ? c * direction : a.check.localeCompare(b.check);
  });
  return { items, total: items.length, takenAt: row?.takenAt ?? null };
}
