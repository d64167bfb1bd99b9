// Runs checks over one repository's facts. One broken check must never take the scan
// down (its result becomes `unknown` with the error), and suppressions mark findings
// instead of deleting them, so audits can still see what was accepted and why.
import type { RepoFacts } from "../facts/types";
import { activeException, instanceException } from "../policy";
import { findingFingerprints } from "./fingerprint";
import { catalogue } from "./catalogue";
import type {
  CheckContext,
  CheckDefinition,
  CheckOutcome,
  CheckResult,
  Finding,
  PolicyException,
  Source,
} from "./types";
import { SuppressionIndex, matchSuppression } from "./suppressions";
import { extend } from "../util/extend";

export interface RunChecksOptions {
  /** Defaults to the whole catalogue. */
  checks?: CheckDefinition[];
  /** Keep only checks reading at least one of these sources (`gatehouse scan`: wf + files). */
  only?: Source[];
}

export function selectChecks(opts: RunChecksOptions = {}): CheckDefinition[] {
  const checks = opts.checks ?? catalogue;
  const only = opts.only;
  return only ? checks.filter((c) => c.from.some((s) => only.includes(s))) : checks;
}

export function runChecks(facts: RepoFacts, ctx: CheckContext, opts: RunChecksOptions = {}): CheckResult[] {
  const suppressions = new SuppressionIndex(facts.files);
  const repo = `${facts.owner}/${facts.name}`;
  return selectChecks(opts).map((def) => {
    const outcome = runOne(def, facts, ctx);
    // Most outcomes have no finding to suppress (and a whole-check exception only turns a
    // failure into a pass): those skip the exception lookups, the per-finding pass and its copies.
    const applied =
      outcome.findings.length === 0 && outcome.status !== "fail"
        ? outcome
        : applyExceptions(def, outcome, ctx, repo, suppressions);
    return extend(applied, { checkId: def.id, category: def.category, severity: def.severity });
  });
}

function applyExceptions(
  def: CheckDefinition,
  outcome: CheckOutcome,
  ctx: CheckContext,
  repo: string,
  suppressions: SuppressionIndex,
): CheckOutcome {
  const exception = activeException(ctx.policy, def.id, repo, ctx.now);
  // A whole-check exception covers every finding; otherwise each finding may have its own.
  const scope = ctx.scope;
  const fingerprints = scope && !exception ? findingFingerprints(def.id, outcome.findings, scope) : [];
  const exceptionFor = (i: number) => {
    const fp = fingerprints[i];
    return exception ?? (fp ? instanceException(ctx.policy, def.id, repo, fp, ctx.now) : null);
  };
  return applySuppressions(def, outcome, suppressions, exception, exceptionFor);
}

/** Awaits every check's optional `prepare` (e.g. async secret detection) before the sync run. */
export async function runChecksAsync(
  facts: RepoFacts,
  ctx: CheckContext,
  opts: RunChecksOptions = {},
): Promise<CheckResult[]> {
  const selected = selectChecks(opts);
  const failed = new Map<string, string>();
  // Only a few checks prepare: no promise for the others (this runs once per repository).
  await Promise.all(
    selected
      .filter((def) => def.prepare)
      .map(async (def) => {
        try {
          await def.prepare!(facts);
        } catch (err) {
          failed.set(def.id, errorText(err));
        }
      }),
  );
  const ok = failed.size === 0 ? selected : selected.filter((d) => !failed.has(d.id));
  const results = runChecks(facts, ctx, extend(opts, { checks: ok }));
  // Nothing crashed: the results are already in catalogue order.
  if (failed.size === 0) return results;
  const crashed = selected
    .filter((d) => failed.has(d.id))
    .map((d): CheckResult => ({
      ...crashOutcome("prepare", failed.get(d.id) ?? ""),
      checkId: d.id,
      category: d.category,
      severity: d.severity,
    }));
  const order = new Map(selected.map((d, i) => [d.id, i]));
  return [...results, ...crashed].sort((a, b) => (order.get(a.checkId) ?? 0) - (order.get(b.checkId) ?? 0));
}

function runOne(def: CheckDefinition, facts: RepoFacts, ctx: CheckContext): CheckOutcome {
  try {
    return def.run(facts, ctx);
  } catch (err) {
    return crashOutcome("run", errorText(err));
  }
}

function crashOutcome(phase: string, message: string): CheckOutcome {
  return { status: "unknown", findings: [], reason: `check failed during ${phase}: ${message}` };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function applySuppressions(
  def: CheckDefinition,
  outcome: CheckOutcome,
  index: SuppressionIndex,
  exception: PolicyException | null,
  exceptionFor: (findingIndex: number) => PolicyException | null,
): CheckOutcome {
  const findings = outcome.findings.map((f, i) => suppressFinding(def.id, f, index, exceptionFor(i)));
  if (outcome.status !== "fail") return extend(outcome, { findings });
  if (findings.length === 0) {
    // A failing check with no individual finding can only be accepted as a whole.
    return exception
      ? extend(outcome, {
          findings,
          status: "pass" as const,
          reason: `accepted by policy exception ${exception.id}: ${exception.justification}`,
        })
      : extend(outcome, { findings });
  }
  if (findings.every((f) => f.suppressed)) {
    return extend(outcome, { findings, status: "pass" as const, reason: "every finding is suppressed" });
  }
  return extend(outcome, { findings });
}

function suppressFinding(
  checkId: string,
  f: Finding,
  index: SuppressionIndex,
  exception: PolicyException | null,
): Finding {
  if (f.suppressed) return f;
  if (exception) {
    return {
      ...f,
      suppressed: { by: "exception", reason: exception.justification, exceptionId: exception.id },
    };
  }
  if (f.evidence.kind !== "file") return f;
  const match = matchSuppression(index.forFile(f.evidence.file), checkId, f.evidence.line);
  if (!match) return f;
  if (!match.applies) return { ...f, message: `${f.message} (${match.problem})` };
  return { ...f, suppressed: { by: "inline", reason: match.reason } };
}
