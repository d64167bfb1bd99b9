// The rules that govern the default branch come from two places: the classic branch
// protection rule and any ACTIVE ruleset (repository or organisation) whose conditions
// include it. GitHub enforces all of them together, so a requirement is met when ANY
// source meets it ("the strongest applicable wins"). Rulesets in "evaluate" mode only
// report and are ignored.
//
// Absence proves nothing unless every source was readable: a requirement none of the
// readable sources meets is `unknown` while another source could not be read.
import type { BranchProtectionFacts, RepoFacts, RulesetFacts } from "../../facts/types";
import type { Evidence, Finding } from "../types";
import { NO_SETTINGS, branchName } from "./settings";
import { api } from "../evidence";
import { fail, notApplicable, pass, unknown, type Verdict } from "../define";

export type BranchSource =
  | { kind: "protection"; rule: BranchProtectionFacts; field: string }
  | { kind: "ruleset"; rule: RulesetFacts; field: string };

export interface BranchView {
  branch: string;
  sources: BranchSource[];
  /** Every source that could apply was read. */
  complete: boolean;
  /** Why it is not complete. */
  gaps: string[];
  /** What was seen when nothing applies (protection absent, inactive rulesets). */
  seen: Evidence[];
}

/** An empty repository has no branch to name: its evidence is the missing default branch. */
export const protectionField = (facts: RepoFacts): string =>
  facts.defaultBranch === null ? "default_branch" : `branches/${branchName(facts)}/protection`;

export function rulesetField(facts: RepoFacts, ruleset: RulesetFacts): string {
  return ruleset.source === "organization"
    ? `orgs/${facts.owner}/rulesets/${ruleset.id}`
    : `rulesets/${ruleset.id}`;
}

/** REST endpoint that updates a ruleset, for remediation text. */
export function rulesetEndpoint(facts: RepoFacts, ruleset: RulesetFacts): string {
  return ruleset.source === "organization"
    ? `PUT /orgs/${facts.owner}/rulesets/${ruleset.id}`
    : `PUT /repos/${facts.owner}/${facts.name}/rulesets/${ruleset.id}`;
}

/** null: settings were not synced at all. */
export function branchView(facts: RepoFacts): BranchView | null {
  const settings = facts.settings;
  if (!settings) return null;
  const sources: BranchSource[] = [];
  const gaps: string[] = [];
  const seen: Evidence[] = [];
  if (!settings.branchProtectionKnown) {
    gaps.push(
      "the branch protection rule could not be read (the token needs admin rights on the repository)",
    );
  } else if (settings.branchProtection) {
    sources.push({ kind: "protection", rule: settings.branchProtection, field: protectionField(facts) });
  } else {
    seen.push(api(protectionField(facts), null));
  }
  if (settings.rulesets === null) {
    gaps.push("the repository's rulesets could not be read");
  } else {
    for (const ruleset of settings.rulesets) {
      if (!ruleset.appliesToDefaultBranch) continue;
      if (ruleset.enforcement === "active")
        sources.push({ kind: "ruleset", rule: ruleset, field: rulesetField(facts, ruleset) });
      else seen.push(api(`${rulesetField(facts, ruleset)}.enforcement`, ruleset.enforcement));
    }
    if (!settings.rulesets.some((r) => r.appliesToDefaultBranch && r.enforcement === "active")) {
      seen.push(api("rulesets[target=default branch, enforcement=active]", []));
    }
  }
  return { branch: branchName(facts), sources, complete: gaps.length === 0, gaps, seen };
}

export interface Aspect {
  /** Evidence that this source meets the requirement, or null. */
  metBy(source: BranchSource): Evidence | null;
  /** The finding when no source meets it (only asked when every source was read). */
  failure(view: BranchView): Finding;
}

/**
 * Judges independent requirements on the default branch: fail when a requirement is
 * met by no source and all were read; unknown when it is not met by the readable ones
 * but some could not be read; pass when each is met somewhere. An empty repository
 * without any rule has no branch to judge: only branch-protection (`judgeEmpty`) reports
 * it, the finer requirements are not applicable until the first push.
 */
export function judgeAspects(facts: RepoFacts, aspects: Aspect[], judgeEmpty = false): Verdict {
  const view = branchView(facts);
  if (!view) return unknown(NO_SETTINGS);
  if (!judgeEmpty && facts.defaultBranch === null && view.sources.length === 0 && view.complete)
    return notApplicable(
      "The repository is empty: it has no default branch yet (branch-protection reports the missing rule).",
      view.seen,
    );
  const evidence: Evidence[] = [];
  const findings: Finding[] = [];
  let undecided = false;
  for (const aspect of aspects) {
    const met = view.sources.map((source) => aspect.metBy(source)).find((e): e is Evidence => e !== null);
    if (met) evidence.push(met);
    else if (!view.complete) undecided = true;
    else findings.push(aspect.failure(view));
  }
  if (findings.length > 0) return fail(findings, view.seen);
  if (undecided)
    return unknown(`Not met by any readable rule on \`${view.branch}\`, and ${view.gaps.join("; ")}.`, [
      ...evidence,
      ...view.seen,
    ]);
  return pass(evidence);
}

/** The evidence for a failure: the closest non-meeting value, or the missing rule itself. */
export function failureEvidence(
  facts: RepoFacts,
  view: BranchView,
  pick: (source: BranchSource) => Evidence,
): Evidence {
  const first = view.sources[0];
  if (first) return pick(first);
  return api(protectionField(facts), null);
}
