// How one scoring moves finding lifetimes, as a plan the writer applies in bulk. Pure.
//
// open ── not seen ──▶ fixed ── seen again ──▶ open (reopened, count + 1)
//
// Findings seen again unchanged are not written at all (the common case): that keeps a
// daily scoring of 10,000 repositories down to the rows that actually changed.
import type { FailingInstance } from "./instances";

export interface StoredLifetime {
  fingerprint: string;
  fixedAt: Date | null;
  line: number | null;
}

export interface LifetimePlan {
  /** Never seen before. */
  create: FailingInstance[];
  /** Fixed earlier, failing again. */
  reopen: string[];
  /** Open before, not failing now. */
  fix: string[];
  /** Still open, but the line moved (fingerprint unchanged). */
  moved: Array<{ fingerprint: string; line: number }>;
}

export function planLifetimes(current: FailingInstance[], stored: StoredLifetime[]): LifetimePlan {
  const byFingerprint = new Map(stored.map((s) => [s.fingerprint, s]));
  const now = new Map(current.map((i) => [i.fingerprint, i]));
  const plan: LifetimePlan = { create: [], reopen: [], fix: [], moved: [] };
  for (const instance of now.values()) {
    const before = byFingerprint.get(instance.fingerprint);
    if (!before) plan.create.push(instance);
    else if (before.fixedAt !== null) plan.reopen.push(instance.fingerprint);
    else if (instance.line !== null && instance.line !== before.line)
      plan.moved.push({ fingerprint: instance.fingerprint, line: instance.line });
  }
  for (const s of stored) if (s.fixedAt === null && !now.has(s.fingerprint)) plan.fix.push(s.fingerprint);
  return plan;
}
