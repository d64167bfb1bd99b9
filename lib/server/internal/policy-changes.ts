// What changed between two policies, as the audit log and the version history show it,
// and who approved each exception. Pure: no I/O, so it is tested with plain objects.
import type { Policy, PolicyException, Severity } from "../../checks/types";
import { SEVERITIES } from "../../checks/types";

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface PolicyChanges {
  weights?: Partial<Record<Severity, { from: number; to: number }>>;
  criticalRepos?: ListChange;
  productionEnvironmentPatterns?: ListChange;
  productionEnvironments?: ListChange;
  exceptions?: { added: string[]; removed: string[]; changed: string[] };
  taskSlaDays?: { from: Policy["taskSlaDays"] | null; to: Policy["taskSlaDays"] | null };
}

function listChange(before: string[], after: string[]): ListChange | undefined {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

const exceptionKey = (e: PolicyException, withApprover: boolean) =>
  JSON.stringify([
    e.checkId,
    e.repo,
    e.justification,
    e.expiresAt,
    e.confirmedAllRepositories ?? null,
    // Re-scoping an approved exception to another finding is a new request, never a free edit.
    e.fingerprint ?? null,
    withApprover ? (e.approver ?? null) : null,
    withApprover ? (e.requestedBy ?? null) : null,
  ]);

export function diffPolicies(before: Policy, after: Policy): PolicyChanges {
  const changes: PolicyChanges = {};
  const weights: NonNullable<PolicyChanges["weights"]> = {};
  for (const severity of SEVERITIES) {
    if (before.weights[severity] !== after.weights[severity])
      weights[severity] = { from: before.weights[severity], to: after.weights[severity] };
  }
  if (Object.keys(weights).length > 0) changes.weights = weights;
  const critical = listChange(before.criticalRepos, after.criticalRepos);
  if (critical) changes.criticalRepos = critical;
  const patterns = listChange(before.productionEnvironmentPatterns, after.productionEnvironmentPatterns);
  if (patterns) changes.productionEnvironmentPatterns = patterns;
  const marked = listChange(before.productionEnvironments, after.productionEnvironments);
  if (marked) changes.productionEnvironments = marked;

  if (JSON.stringify(before.taskSlaDays ?? null) !== JSON.stringify(after.taskSlaDays ?? null))
    changes.taskSlaDays = { from: before.taskSlaDays ?? null, to: after.taskSlaDays ?? null };

  const previous = new Map(before.exceptions.map((e) => [e.id, e]));
  const next = new Set(after.exceptions.map((e) => e.id));
  const added = after.exceptions.filter((e) => !previous.has(e.id)).map((e) => e.id);
  const removed = before.exceptions.filter((e) => !next.has(e.id)).map((e) => e.id);
  const changed = after.exceptions.filter((e) => {
    const p = previous.get(e.id);
    return p !== undefined && exceptionKey(p, true) !== exceptionKey(e, true);
  });
  if (added.length + removed.length + changed.length > 0)
    changes.exceptions = { added, removed, changed: changed.map((e) => e.id) };
  return changes;
}

export function isUnchanged(changes: PolicyChanges): boolean {
  return Object.keys(changes).length === 0;
}

/**
 * Who requested and who approved an exception is what the server saw, never what the
 * document claims: a new or edited exception is requested by `saver` and pending (no
 * approver); an unchanged one keeps its requester and approver (so pasting someone
 * else's name into the JSON changes nothing). `approvals` maps pending exception ids to
 * the second lead approving them now (checked by the caller).
 * Returns the stamped policy and the ids requested now.
 */
export function stampApprovers(
  before: Policy,
  after: Policy,
  saver: string,
  approvals: ReadonlyMap<string, string> = new Map(),
): { policy: Policy; approved: string[] } {
  const previous = new Map(before.exceptions.map((e) => [e.id, e]));
  const approved: string[] = [];
  const exceptions = after.exceptions.map((e) => {
    const p = previous.get(e.id);
    if (p && exceptionKey(p, false) === exceptionKey(e, false)) {
      const approver = p.approver ?? approvals.get(e.id);
      return withoutUndefined({ ...e, requestedBy: p.requestedBy, approver });
    }
    approved.push(e.id);
    return withoutUndefined({ ...e, requestedBy: saver, approver: undefined });
  });
  return { policy: { ...after, exceptions }, approved };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** One line per change, for the history table and the audit summary. */
export function describeChanges(changes: PolicyChanges): string[] {
  const lines: string[] = [];
  for (const [severity, w] of Object.entries(changes.weights ?? {}))
    lines.push(`weight ${severity}: ${w.from} → ${w.to}`);
  const list = (label: string, c?: ListChange) => {
    if (!c) return;
    if (c.added.length) lines.push(`${label} added: ${c.added.join(", ")}`);
    if (c.removed.length) lines.push(`${label} removed: ${c.removed.join(", ")}`);
  };
  list("critical repos", changes.criticalRepos);
  list("production patterns", changes.productionEnvironmentPatterns);
  list("production environments", changes.productionEnvironments);
  if (changes.taskSlaDays) {
    const days = (d: Policy["taskSlaDays"] | null) =>
      d ? `${d.critical}/${d.high}/${d.medium}/${d.low} days` : "default";
    lines.push(`task SLA: ${days(changes.taskSlaDays.from)} → ${days(changes.taskSlaDays.to)}`);
  }
  const ex = changes.exceptions;
  if (ex?.added.length) lines.push(`exceptions added: ${ex.added.join(", ")}`);
  if (ex?.changed.length) lines.push(`exceptions changed: ${ex.changed.join(", ")}`);
  if (ex?.removed.length) lines.push(`exceptions removed: ${ex.removed.join(", ")}`);
  return lines;
}
