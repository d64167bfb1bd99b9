import type { CheckDefinition, Finding } from "../types";
import { NO_SETTINGS } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, notApplicable, pass, unknown, defineCheck } from "../define";
import { BRANCHES_UI, protectionEndpoint } from "../support/branch-fixes";
import { branchView, rulesetEndpoint } from "../support/branch-view";

export const adminBypass: CheckDefinition = defineCheck({
  id: "admin-bypass",
  title: "Nobody can bypass the default-branch rules",
  category: "identity",
  severity: "medium",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Rules that admins or listed actors can skip protect only against everyone else: one compromised admin or bypass token pushes unreviewed code. Ruleset bypass modes always and exempt fail; pull_request (bypass only by merging a PR) is allowed; not applicable when the branch has no rules at all (branch-protection reports that).",
  remediation:
    'Enforce the rules for administrators ("Do not allow bypassing the above settings") and empty the bypass lists.',
  run: (facts) => {
    const view = branchView(facts);
    if (!view) return unknown(NO_SETTINGS);
    const findings: Finding[] = [];
    for (const source of view.sources) {
      if (source.kind === "protection") {
        const rule = source.rule;
        if (!rule.enforceAdmins) {
          findings.push(
            finding(
              `Repository administrators bypass the protection rule on \`${view.branch}\`.`,
              api(`${source.field}.enforce_admins.enabled`, false),
              `${BRANCHES_UI(facts)} → tick "Do not allow bypassing the above settings". REST: \`POST ${protectionEndpoint(facts, "/enforce_admins")}\` (no body).`,
            ),
          );
        }
        if (rule.bypassAllowances.length > 0) {
          findings.push(
            finding(
              `${rule.bypassAllowances.join(", ")} may bypass the pull-request requirements on \`${view.branch}\`.`,
              api(
                `${source.field}.required_pull_request_reviews.bypass_pull_request_allowances`,
                rule.bypassAllowances,
              ),
              `${BRANCHES_UI(facts)} → clear "Allow specified actors to bypass required pull requests". REST: \`PATCH ${protectionEndpoint(facts, "/required_pull_request_reviews")}\` with \`{"bypass_pull_request_allowances":{"users":[],"teams":[],"apps":[]}}\`.`,
            ),
          );
        }
      } else {
        // "exempt" (newer API) skips the rules silently, which is worse than "always".
        const always = source.rule.bypassActors.filter((actor) => actor.bypassMode !== "pull_request");
        if (always.length > 0) {
          const names = always
            .map((a) => `${a.actorType}${a.actorId === null ? "" : ` #${a.actorId}`}`)
            .join(", ");
          findings.push(
            finding(
              `Ruleset "${source.rule.name}" lets ${names} bypass it at any time.`,
              api(
                `${source.field}.bypass_actors`,
                always.map((a) => ({
                  actor_type: a.actorType,
                  actor_id: a.actorId,
                  bypass_mode: a.bypassMode,
                })),
              ),
              `Settings → Rules → Rulesets → "${source.rule.name}" → Bypass list: remove the actors or set them to "For pull requests only". REST: \`${rulesetEndpoint(facts, source.rule)}\` with \`"bypass_actors"\` set to \`[]\` (or each entry's \`"bypass_mode":"pull_request"\`).`,
            ),
          );
        }
      }
    }
    if (findings.length > 0) return fail(findings);
    if (!view.complete)
      return unknown(`No bypass found in the readable rules, but ${view.gaps.join("; ")}.`, view.seen);
    if (view.sources.length === 0)
      return notApplicable(`\`${view.branch}\` has no rules to bypass.`, view.seen);
    return pass(
      view.sources.map((s) =>
        s.kind === "protection"
          ? api(`${s.field}.enforce_admins.enabled`, true)
          : api(`${s.field}.bypass_actors[bypass_mode=always]`, []),
      ),
    );
  },
});
