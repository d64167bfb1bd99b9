// `github.actor` is whoever caused the latest event, not who wrote the code: a fork author
// can make a bot the actor (e.g. by getting Dependabot to rebase), so an actor-name `if:`
// in a privileged workflow lets their code through. The event's own fields say who opened
// the pull request.
import type { ScalarValue, Workflow } from "../../analyzers/workflow/model";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { at, finding } from "../evidence";

// `github.actor_id` is the same actor by account ID, compared with a bare or quoted number.
const SPOOFABLE = ["github.actor", "github.actor_id", "github.triggering_actor", "github.event.sender.login"];

// Account IDs of the bots such conditions usually name, so that an ID check is rated like
// the login check it stands for.
const BOT_IDS = new Set(["49699333", "29139614", "41898282"]); // dependabot, renovate, github-actions

/** The spoofable context compared with a literal name (or account ID) in this condition, if any. */
export function spoofableComparison(
  cond: ScalarValue,
): { context: string; name: string; bot: boolean } | null {
  for (const e of cond.expressions) {
    const ctx = e.contexts.find((c) => SPOOFABLE.includes(c.toLowerCase()));
    if (!ctx) continue;
    // `github['actor']` quotes the property, not the name compared with it.
    const expr = e.expr.replace(/\[\s*'[^']*'\s*\]/g, "");
    const lit = /'([^']+)'|(?:==|!=)\s*(\d+)\b|\b(\d+)\s*(?:==|!=)/.exec(expr);
    const name = lit?.[1] ?? lit?.[2] ?? lit?.[3];
    if (name && /==|!=|contains|startswith|endswith/i.test(expr))
      return { context: ctx, name, bot: name.endsWith("[bot]") || BOT_IDS.has(name) };
  }
  return null;
}

function conditions(wf: Workflow): Array<{ where: string; cond: ScalarValue }> {
  const out: Array<{ where: string; cond: ScalarValue }> = [];
  for (const job of wf.jobs) {
    if (job.if) out.push({ where: `job \`${job.id}\``, cond: job.if });
    for (const s of job.steps) if (s.if) out.push({ where: `a step of job \`${job.id}\``, cond: s.if });
  }
  return out;
}

export const spoofableBotCondition = defineCheck({
  id: "spoofable-bot-condition",
  title: "Privileged jobs do not trust the actor's name",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "`github.actor` / `github.triggering_actor` name whoever caused the latest event. Under pull_request_target, workflow_run or issue_comment an attacker can make a bot (or a maintainer) the actor of an event on their own pull request, so `if: github.actor == 'dependabot[bot]'` admits their code with the workflow's secrets.",
  remediation:
    "Check the event's verified fields instead, e.g. `github.event.pull_request.user.login == 'dependabot[bot]'` together with `github.event.pull_request.head.repo.full_name == github.repository`.",
  input: "workflows",
  run(workflows) {
    const privileged = workflows.filter((wf) => privilegedTriggers(wf).length > 0);
    if (privileged.length === 0)
      return { findings: [], notApplicable: "No workflow uses a privileged trigger." };
    const findings: Finding[] = [];
    for (const wf of privileged) {
      const triggers = privilegedTriggers(wf).map((t) => t.event);
      for (const { where, cond } of conditions(wf)) {
        const hit = spoofableComparison(cond);
        if (!hit) continue;
        const { bot } = hit;
        findings.push(
          finding(
            `The \`if:\` of ${where} trusts \`${hit.context}\` being '${hit.name}' under \`${triggers.join(", ")}\`; the actor can be made to be ${bot ? "that bot" : "that user"} on an attacker's pull request.`,
            at(wf, cond.pos),
            `Replace \`${hit.context}\` with \`github.event.pull_request.user.login\` (the PR author) and also require \`github.event.pull_request.head.repo.full_name == github.repository\`.`,
            bot ? "high" : "medium",
          ),
        );
      }
    }
    return { findings };
  },
});
