// secrets-outside-environment, secrets-inherit, overprovisioned-secrets: which secrets a
// job can read, and whether that is more than it needs.
import type { Job, Workflow } from "../../analyzers/workflow/model";
import type { RepoFacts } from "../../facts/types";
import type { Finding } from "../types";
import { deploySignals } from "./deploy";
import type { SecretRef } from "./util";
import { finding, isTokenSecret, jobValues, secretRefs, wfCheck, workflowValues } from "./util";

function namedSecrets(wf: Workflow, job: Job): SecretRef[] {
  const top = Object.entries(wf.env).map(([k, value]) => ({ value, where: `env.${k}` }));
  return secretRefs([...top, ...jobValues(job)]).filter((r) => r.name !== "" && !isTokenSecret(r.name));
}

type EnvJudgement = { kind: "findings"; findings: Finding[] } | { kind: "undecided" } | { kind: "skip" };

function judgeJob(wf: Workflow, job: Job, facts: RepoFacts): EnvJudgement {
  const refs = namedSecrets(wf, job);
  if (refs.length === 0) return { kind: "skip" };
  const names = [...new Set(refs.map((r) => r.name))];
  const first = refs[0]!;
  if (!job.environment) {
    const signals = deploySignals(job);
    if (signals.length === 0) return { kind: "skip" };
    const s = signals[0]!;
    const msg = `Deploy job \`${job.id}\` (${s.what}) has no environment, so it reads repository/organisation secrets: ${names.join(", ")}.`;
    const fix = `Add \`environment: production\` (or the target environment) under \`jobs.${job.id}\`, create ${names.join(", ")} as secrets of that environment, and delete the repository/organisation copies.`;
    return {
      kind: "findings",
      findings: [finding(wf, first.expr.pos, msg, fix, s.confidence === "low" ? "low" : "medium")],
    };
  }
  const envName = job.environment.name;
  if (envName.expressions.length > 0 || !facts.settings?.secrets || !facts.settings.environments)
    return { kind: "undecided" };
  const env = envName.value.toLowerCase();
  const envSecrets = new Set<string>(
    [
      ...(facts.settings.environments.find((e) => e.name.toLowerCase() === env)?.secretNames ?? []),
      ...facts.settings.secrets
        .filter((x) => x.scope === "environment" && x.environment?.toLowerCase() === env)
        .map((x) => x.name),
    ].map((n) => n.toUpperCase()),
  );
  const shared = new Map(
    facts.settings.secrets
      .filter((x) => x.scope !== "environment")
      .map((x) => [x.name.toUpperCase(), x.scope]),
  );
  const findings = refs
    .filter((r, i) => refs.findIndex((o) => o.name.toUpperCase() === r.name.toUpperCase()) === i)
    .filter((r) => !envSecrets.has(r.name.toUpperCase()) && shared.has(r.name.toUpperCase()))
    .map((r) =>
      finding(
        wf,
        r.expr.pos,
        `Job \`${job.id}\` deploys to environment \`${envName.value}\` but reads the ${shared.get(r.name.toUpperCase())} secret \`${r.name}\`.`,
        `Create \`${r.name}\` as a secret of environment \`${envName.value}\` and delete the ${shared.get(r.name.toUpperCase())} secret, so only approved deployments can read it.`,
      ),
    );
  return { kind: "findings", findings };
}

export const secretsOutsideEnvironment = wfCheck({
  id: "secrets-outside-environment",
  title: "Deploy jobs read environment-scoped secrets",
  category: "secrets",
  severity: "medium",
  from: ["wf", "settings"],
  rationale:
    "Repository and organisation secrets are readable by every workflow on every branch. Secrets scoped to a protected environment are released only to jobs that pass its reviewers and branch rules.",
  remediation:
    "Give every deploy job an `environment:` and move the credentials it uses into that environment's secrets.",
  evaluate(workflows, facts) {
    const findings: Finding[] = [];
    let deployJobs = 0;
    let undecided = 0;
    for (const wf of workflows.filter((w) => w.kind === "workflow")) {
      for (const job of wf.jobs) {
        const j = judgeJob(wf, job, facts);
        if (j.kind === "skip") continue;
        deployJobs++;
        if (j.kind === "undecided") undecided++;
        else findings.push(...j.findings);
      }
    }
    if (deployJobs === 0) return { findings, notApplicable: "No deploy job reads secrets." };
    if (undecided > 0)
      return {
        findings,
        unknown: `${undecided} deploy job(s) use an environment, but the repository's secret and environment lists are not known (or the environment name is computed).`,
      };
    return { findings };
  },
});

export const secretsInherit = wfCheck({
  id: "secrets-inherit",
  title: "Reusable workflows get only the secrets they need",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "`secrets: inherit` hands every repository, organisation and environment secret to the called workflow, including ones it never uses, so one compromised or careless reusable workflow exposes all of them.",
  remediation:
    "Replace `secrets: inherit` with an explicit `secrets:` map of the secrets the called workflow declares.",
  evaluate(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        if (job.secrets?.inherit) {
          findings.push(
            finding(
              wf,
              job.secrets.pos,
              `Job \`${job.id}\` calls \`${job.uses?.value ?? "a reusable workflow"}\` with \`secrets: inherit\`.`,
              `Replace \`secrets: inherit\` with the secrets \`${job.uses?.value ?? "the called workflow"}\` declares under \`on.workflow_call.secrets\`, e.g. \`secrets:\\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\`.`,
            ),
          );
        }
      }
    }
    return { findings };
  },
});

export const overprovisionedSecrets = wfCheck({
  id: "overprovisioned-secrets",
  title: "The whole secrets context is never exposed",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "`toJSON(secrets)` or `secrets[<computed>]` makes every secret of the repository available to the step, so the runner receives credentials it does not need and a single leak exposes them all.",
  remediation: "Reference each needed secret by name (`secrets.NAME`).",
  evaluate(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const ref of secretRefs(workflowValues(wf)).filter((r) => r.name === "")) {
        const computed = ref.expr.contexts.some((c) => c.toLowerCase().startsWith("secrets["));
        const msg = computed
          ? `\`\${{ ${ref.expr.expr} }}\` indexes secrets with a computed key, so every secret is fetched for the job.`
          : `\`\${{ ${ref.expr.expr} }}\` exposes the whole secrets context.`;
        const fix = computed
          ? `Replace \`${ref.expr.expr}\` with explicit names, e.g. \`matrix.env == 'prod' && secrets.PROD_KEY || secrets.STAGING_KEY\`.`
          : `Replace \`${ref.expr.expr}\` with the individual secrets the step needs, e.g. \`\${{ secrets.NPM_TOKEN }}\`.`;
        findings.push(finding(wf, ref.expr.pos, msg, fix));
      }
    }
    return { findings };
  },
});
