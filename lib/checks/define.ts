// The one contract for a check: metadata declared once as data, an `input` that says
// what the check reads, and a `run` that returns a Verdict. The status of every check
// follows one rule (decide), so "fail beats unknown beats not-applicable beats pass"
// cannot drift between families of checks.
import type { Workflow } from "../analyzers/workflow/model";
import type { RepoFacts } from "../facts/types";
import { fileEvidence } from "./evidence";
import { workflowsOf } from "./support/workflows-of";
import { describeUnreadable } from "./unreadable";
import type { Unreadable } from "./unreadable";
import type { WorkflowSet } from "./support/workflows-of";
import type {
  Category,
  CheckContext,
  CheckDefinition,
  CheckOutcome,
  Evidence,
  Finding,
  Severity,
  Source,
} from "./types";

export interface Verdict {
  findings: Finding[];
  /** Inputs that could not be read: the check never passes while any remain. */
  failures?: Unreadable[];
  /** Why the check cannot decide (e.g. a setting it needs is unknown). */
  unknown?: string | string[];
  /** Set when nothing the check looks at exists. */
  notApplicable?: string;
  /** What the outcome rests on; defaults to the input's own evidence (the workflow files). */
  evidence?: Evidence[];
  /** Why a pass passes, when that is not obvious from the evidence. */
  reason?: string;
  /** The status is never set by hand: decide() derives it. */
  status?: never;
}

/**
 * What a check reads:
 * - `workflows`: parsed workflow and action files; not-applicable when there are none;
 * - `workflows-any`: the same, but the check also judges repositories without workflows;
 * - `repository`: the whole facts (files, paths, alerts, registry);
 * - `settings`: repository/organisation settings, judged on archived repositories too;
 * - `live-settings`: settings that cannot be exploited or changed on an archived
 *   (read-only) repository, so they are not-applicable there.
 */
export type CheckInput = "workflows" | "workflows-any" | "repository" | "settings" | "live-settings";

interface Meta {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  from: Source[];
  rationale: string;
  /** Generic remediation for the catalogue; findings carry the specific one. */
  remediation: string;
  prepare?(facts: RepoFacts): Promise<void>;
}

export interface WorkflowCheckSpec extends Meta {
  input: "workflows" | "workflows-any";
  run(workflows: Workflow[], facts: RepoFacts, ctx: CheckContext): Verdict;
}

export interface FactsCheckSpec extends Meta {
  input: "repository" | "settings" | "live-settings";
  run(facts: RepoFacts, ctx: CheckContext): Verdict;
}

export type CheckSpec = WorkflowCheckSpec | FactsCheckSpec;

const readsWorkflows = (s: CheckSpec): s is WorkflowCheckSpec =>
  s.input === "workflows" || s.input === "workflows-any";

const ARCHIVED =
  "The repository is archived (read-only): this setting cannot be exploited or changed until it is unarchived.";

export function defineCheck(spec: CheckSpec): CheckDefinition {
  const { input: _input, run: _run, ...meta } = spec;
  return {
    ...meta,
    run(facts, ctx): CheckOutcome {
      const s = spec;
      if (readsWorkflows(s)) {
        const set = workflowsOf(facts);
        if (set.total === 0 && s.input === "workflows")
          return decide({ findings: [], notApplicable: "The repository has no workflow or action files." });
        const shared = sharedOf(set);
        const v = s.run(set.workflows, facts, ctx);
        return decide(v, shared.failures, shared.evidence);
      }
      if (s.input === "live-settings" && facts.archived)
        return decide({
          findings: [],
          notApplicable: ARCHIVED,
          evidence: [{ kind: "api", field: "archived", value: true }],
        });
      return decide(s.run(facts, ctx));
    },
  };
}

/**
 * The one status rule. A finding fails the check (unread inputs are named in the
 * reason); otherwise anything unread or undecidable makes it unknown (never a pass);
 * otherwise not-applicable when nothing was subject to it; otherwise pass.
 */
export function decide(
  v: Verdict,
  inputFailures: Unreadable[] = [],
  defaultEvidence?: Evidence[],
): CheckOutcome {
  const unknown = unknownReasons(v, inputFailures);
  const evidence = v.evidence ?? defaultEvidence;
  if (v.findings.length > 0) return outcome("fail", v.findings, evidence, unknown?.join(" "));
  if (unknown) return outcome("unknown", [], evidence, unknown.join(" "));
  if (v.notApplicable !== undefined) return outcome("not-applicable", [], evidence, v.notApplicable);
  return outcome("pass", [], evidence, v.reason || undefined);
}

// decide() runs once per check per repository: the common case (nothing unread, nothing
// undecided) allocates no reason lists, and outcomes are built without object spreads.
function unknownReasons(v: Verdict, inputFailures: Unreadable[]): string[] | null {
  const failures = v.failures?.length ? [...inputFailures, ...v.failures] : inputFailures;
  if (failures.length === 0 && v.unknown === undefined) return null;
  const unknown = typeof v.unknown === "string" ? [v.unknown] : [...(v.unknown ?? [])];
  if (failures.length) unknown.push(`Not analysed: ${failures.map(describeUnreadable).join("; ")}`);
  return unknown.length ? unknown : null;
}

/** Keys in the order outcomes have always had (status, findings, evidence, reason): results are serialised. */
function outcome(
  status: CheckOutcome["status"],
  findings: Finding[],
  evidence: Evidence[] | undefined,
  reason: string | undefined,
): CheckOutcome {
  const o: CheckOutcome = { status, findings };
  if (evidence && evidence.length > 0) o.evidence = evidence;
  if (reason !== undefined) o.reason = reason;
  return o;
}

interface SharedInputs {
  failures: Unreadable[];
  evidence: Evidence[];
}

// Every workflow check of a repository reads the same set: its unreadable files and
// default evidence are built once per set, not once per check.
const sharedBySet = new WeakMap<WorkflowSet, SharedInputs>();

function sharedOf(set: WorkflowSet): SharedInputs {
  let shared = sharedBySet.get(set);
  if (!shared) {
    shared = {
      failures: set.failures,
      evidence: set.workflows.map(firstLine),
    };
    sharedBySet.set(set, shared);
  }
  return shared;
}

function firstLine(wf: Workflow): Evidence {
  const first = wf.lines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return fileEvidence(wf.path, first + 1 || 1, (wf.lines[first] ?? "").trim());
}

// Verdict shorthands for checks that decide in one step.
export const pass = (evidence: Evidence[], reason?: string): Verdict =>
  reason ? { findings: [], evidence, reason } : { findings: [], evidence };
export const fail = (findings: Finding[], evidence?: Evidence[]): Verdict =>
  evidence ? { findings, evidence } : { findings };
export const unknown = (reason: string, evidence: Evidence[] = []): Verdict => ({
  findings: [],
  unknown: reason,
  evidence,
});
export const notApplicable = (reason: string, evidence: Evidence[] = []): Verdict => ({
  findings: [],
  notApplicable: reason,
  evidence,
});

/** The verdict an outcome stands for, for checks that build on another check's outcome. */
export function verdictOf(o: CheckOutcome): Verdict {
  const evidence = o.evidence ? { evidence: o.evidence } : {};
  if (o.status === "fail")
    return { findings: o.findings, ...evidence, ...(o.reason ? { unknown: o.reason } : {}) };
  if (o.status === "unknown") return { findings: [], ...evidence, unknown: o.reason ?? "unknown" };
  if (o.status === "not-applicable") return { findings: [], ...evidence, notApplicable: o.reason ?? "" };
  return { findings: [], ...evidence, ...(o.reason ? { reason: o.reason } : {}) };
}
