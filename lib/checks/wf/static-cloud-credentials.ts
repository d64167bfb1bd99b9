import type { ScalarValue, Workflow } from "../../analyzers/workflow/model";
import type { RepoFacts } from "../../facts/types";
import type { Evidence, Finding } from "../types";
import { cloudKeyName, cloudLogin } from "../support/cloud";
import { finding, at } from "../evidence";
import { secretRefs, workflowValues } from "../support/util";
import { defineCheck } from "../define";

function workflowCloudFindings(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  // One finding per line, the most specific first: login step, then env name, then secret name.
  const push = (f: Finding) => {
    const line = f.evidence.kind === "file" ? f.evidence.line : -1;
    if (seen.has(line)) return;
    seen.add(line);
    out.push(f);
  };
  for (const job of wf.jobs) {
    for (const step of job.steps) {
      const login = cloudLogin(step);
      if (!login?.staticInput) continue;
      const v = step.with[login.staticInput]!;
      push(
        finding(
          `The ${login.cloud} login step is fed a static key through \`${login.staticInput}\`.`,
          at(wf, v.pos),
          `In this step, ${login.oidc}.`,
        ),
      );
    }
  }
  const envVar = (name: string, v: ScalarValue) => {
    const cloud = cloudKeyName(name);
    if (!cloud || !v.expressions.some((e) => e.contexts.some((c) => c.toLowerCase().startsWith("secrets"))))
      return;
    push(
      finding(
        `\`${name}\` is set from a stored secret: a static ${cloud} key.`,
        at(wf, v.pos),
        `Remove \`${name}: ${v.value}\` and obtain short-lived ${cloud} credentials through OIDC instead.`,
      ),
    );
  };
  // Workflow env, then each job's env followed by its steps' env.
  for (const name in wf.env) envVar(name, wf.env[name]!);
  for (const job of wf.jobs) {
    for (const name in job.env) envVar(name, job.env[name]!);
    for (const step of job.steps) for (const name in step.env) envVar(name, step.env[name]!);
  }
  for (const ref of secretRefs(workflowValues(wf))) {
    const cloud = cloudKeyName(ref.name);
    if (!cloud) continue;
    push(
      finding(
        `The workflow reads the long-lived ${cloud} key \`secrets.${ref.name}\`.`,
        at(wf, ref.expr.pos),
        `Delete the \`${ref.name}\` secret and authenticate with OIDC (${cloud} federation for GitHub Actions); replace \`\${{ secrets.${ref.name} }}\` with a login step that uses \`id-token: write\`.`,
      ),
    );
  }
  return out;
}

function settingsFindings(facts: RepoFacts): Finding[] {
  const s = facts.settings;
  if (!s) return [];
  const repo = `${facts.owner}/${facts.name}`;
  const names = [
    ...(s.secrets ?? []).map((x) => ({
      name: x.name,
      where: x.scope === "environment" ? `environment ${x.environment ?? "?"}` : x.scope,
    })),
    ...(s.environments ?? []).flatMap((e) =>
      e.secretNames.map((name) => ({ name, where: `environment ${e.name}` })),
    ),
  ];
  const seen = new Set<string>();
  return names.flatMap(({ name, where }) => {
    const cloud = cloudKeyName(name);
    if (!cloud || seen.has(`${where}/${name}`)) return [];
    seen.add(`${where}/${name}`);
    const evidence: Evidence = {
      kind: "api",
      field: `repos/${repo}/actions/secrets (${where})`,
      value: name,
    };
    return [
      {
        message: `${/^[aeiou]/i.test(where) ? "An" : "A"} ${where} secret named \`${name}\` holds a long-lived ${cloud} key.`,
        evidence,
        remediation: `Set up ${cloud} OIDC federation for ${repo}, switch the workflows to it, then delete the ${where} secret \`${name}\` and deactivate the key in ${cloud}.`,
        confidence: "medium" as const,
      },
    ];
  });
}

export const staticCloudCredentials = defineCheck({
  id: "static-cloud-credentials",
  title: "No long-lived cloud keys in secrets or workflows",
  category: "secrets",
  severity: "high",
  from: ["settings", "wf"],
  rationale:
    "Static cloud keys never expire: whoever reads one from a log, a fork build or a compromised action keeps cloud access until someone notices and rotates it. OIDC federation issues minutes-long credentials bound to the repository and branch.",
  remediation:
    "Configure OIDC federation (AWS IAM role, GCP Workload Identity, Azure federated credential), switch login steps to it, and delete the stored keys.",
  input: "workflows-any",
  run(workflows, facts) {
    const findings = [...workflows.flatMap(workflowCloudFindings), ...settingsFindings(facts)];
    if (findings.length) return { findings };
    if (workflows.length === 0 && !facts.settings?.secrets)
      return { findings, notApplicable: "No workflows, and the repository's secret names are not known." };
    // Without secret names, the workflows are the only evidence (the wrapper cites them).
    if (!facts.settings?.secrets) return { findings };
    return {
      findings,
      evidence: [
        {
          kind: "api",
          field: `repos/${facts.owner}/${facts.name}/actions/secrets`,
          value: facts.settings.secrets.map((x) => x.name),
        },
      ],
    };
  },
});
