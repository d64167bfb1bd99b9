import type { Job, Workflow } from "../../analyzers/workflow/model";
import type { RepoFacts } from "../../facts/types";
import type { Evidence, Finding } from "../types";
import { neededScopes, permissionsBlock } from "../support/permission-table";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

function defaultTokenWrite(facts: RepoFacts): { write: boolean | null; evidence: Evidence | null } {
  const repo = facts.settings?.actions?.defaultWorkflowPermissions ?? null;
  if (repo !== null)
    return {
      write: repo === "write",
      evidence: {
        kind: "api",
        field: `repos/${facts.owner}/${facts.name}/actions/permissions/workflow.default_workflow_permissions`,
        value: repo,
      },
    };
  const org = facts.org?.actions?.defaultWorkflowPermissions ?? null;
  if (org !== null)
    return {
      write: org === "write",
      evidence: {
        kind: "api",
        field: `orgs/${facts.org?.login ?? facts.owner}/actions/permissions/workflow.default_workflow_permissions`,
        value: org,
      },
    };
  return { write: null, evidence: null };
}

function writeAll(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  if (wf.permissions?.kind === "all" && wf.permissions.level === "write-all") {
    out.push(
      finding(
        "The workflow grants `permissions: write-all` to every job.",
        at(wf, wf.permissions.pos),
        `Replace \`permissions: write-all\` with:\n${permissionsBlock(neededScopes(wf.jobs))}`,
      ),
    );
  }
  for (const job of wf.jobs) {
    if (job.permissions?.kind === "all" && job.permissions.level === "write-all") {
      out.push(
        finding(
          `Job \`${job.id}\` grants \`permissions: write-all\`.`,
          at(wf, job.permissions.pos),
          `Replace it under \`jobs.${job.id}\` with:\n${permissionsBlock(neededScopes([job]), "    ")}`,
        ),
      );
    }
  }
  return out;
}

/**
 * Workflow-level write scopes are handed to every job without its own `permissions:`.
 * A scope is reported when at least one such job shows no need for it (no step that
 * the permission table ties to that scope). Jobs calling a reusable workflow are taken
 * to need everything: their needs live in another file.
 */
function broadWorkflowScopes(wf: Workflow): Finding[] {
  const p = wf.permissions;
  if (wf.kind !== "workflow" || p?.kind !== "scopes") return [];
  const writes = Object.keys(p.scopes).filter((s) => p.scopes[s] === "write");
  const inheriting = wf.jobs.filter((j) => !j.permissions && !j.uses);
  const out: Finding[] = [];
  for (const scope of writes) {
    const idle = inheriting.filter((j) => neededScopes([j])[scope] !== "write").map((j) => j.id);
    if (idle.length === 0) continue;
    out.push(
      finding(
        `Workflow-level \`${scope}: write\` is handed to job(s) ${idle.join(", ")}, which show no need for it.`,
        at(wf, p.pos),
        `Set the workflow-level \`${scope}\` to read (or drop it) and grant \`${scope}: write\` only under the \`permissions:\` of the job that uses it.`,
        "medium",
      ),
    );
  }
  return out;
}

function undeclared(wf: Workflow): Job[] {
  if (wf.kind !== "workflow" || wf.permissions) return [];
  return wf.jobs.filter((j) => !j.permissions);
}

export const excessivePermissions = defineCheck({
  id: "excessive-permissions",
  title: "Workflow tokens get least privilege",
  category: "integrity",
  severity: "high",
  from: ["wf", "settings"],
  rationale:
    "The GITHUB_TOKEN is handed to every step and action of a job. With write-all (or a write default and no `permissions:`), one compromised dependency or injected command can push code, publish releases and rewrite workflows.",
  remediation:
    "Declare `permissions: contents: read` at the top of each workflow and grant write scopes only on the jobs that need them.",
  input: "workflows",
  run(workflows, facts) {
    const findings = [...workflows.flatMap(writeAll), ...workflows.flatMap(broadWorkflowScopes)];
    const open = workflows.map((wf) => ({ wf, jobs: undeclared(wf) })).filter((x) => x.jobs.length > 0);
    if (open.length === 0) return { findings };
    const def = defaultTokenWrite(facts);
    if (def.write === null) {
      return {
        findings,
        unknown: `${open.map((o) => o.wf.path).join(", ")} declare no permissions, and the default workflow token permission (repo/org Actions settings) is not known.`,
      };
    }
    if (def.write) {
      for (const { wf, jobs } of open) {
        const pos = wf.triggers[0]?.pos ?? { line: 1, column: 1 };
        const names = jobs.map((j) => j.id).join(", ");
        const msg = `No \`permissions:\` for job(s) ${names}, and the default workflow token is read-write.`;
        const fix = `Add at the top level of ${wf.path} (above \`jobs:\`):\n${permissionsBlock(neededScopes(jobs))}`;
        const f = finding(msg, at(wf, pos), fix);
        findings.push(f);
      }
    }
    const base = workflows.map((w): Evidence => ({
      kind: "file",
      file: w.path,
      line: 1,
      snippet: w.lines[0] ?? "",
    }));
    return { findings, evidence: def.evidence ? [def.evidence, ...base] : base };
  },
});
