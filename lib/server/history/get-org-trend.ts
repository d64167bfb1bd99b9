import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

export const getOrgTrendInput = z
  .object({
    organizationId: z.string().min(1),
    days: z.coerce.number().int().min(1).max(366).default(30),
    /** The end of the window (tests pin it); the window is (now − days, now]. */
    now: z.date().optional(),
  })
  .strict();

export const trendPoint = z.object({
  at: z.date(),
  overall: z.number().nullable(),
  identity: z.number().nullable(),
  secrets: z.number().nullable(),
  supplyChain: z.number().nullable(),
  integrity: z.number().nullable(),
  changeControl: z.number().nullable(),
  grade: z.string().nullable(),
  coverage: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPoint>;

// Reals come back as float4 widened to double (62.29999923706055): round to the one
// decimal scores are computed with.
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** One point per scoring of the organisation in the window, oldest first (from snapshots, never recomputed). */
export async function getOrgTrend(actor: Actor | null, raw: unknown): Promise<TrendPoint[]> {
  const who = await authorize(actor, "dashboard:read");
  const { organizationId, days, now = new Date() } = getOrgTrendInput.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const rows = await getDb().orgScoreSnapshot.findMany({
    where: { organizationId, takenAt: { gt: new Date(now.getTime() - days * 86_400_000), lte: now } },
    orderBy: { takenAt: "asc" },
    select: {
      takenAt: true,
      overall: true,
      identity: true,
      secrets: true,
      supplyChain: true,
      integrity: true,
      changeControl: true,
      grade: true,
      coverage: true,
    },
  });
  return rows.map((r) => ({
    at: r.takenAt,
    overall: r1(r.overall),
    identity: r1(r.identity),
    secrets: r1(r.secrets),
    supplyChain: r1(r.supplyChain),
    integrity: r1(r.integrity),
    changeControl: r1(r.changeControl),
    grade: r.grade?.trim() ?? null,
    coverage: r.coverage === null ? null : Math.round(r.coverage * 1000) / 1000,
  }));
}
