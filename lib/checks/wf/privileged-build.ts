import type { Workflow } from "../../analyzers/workflow/model";
import type { CheckDefinition, Finding } from "../types";
import { workflowsOf } from "../support/workflows-of";
import { finding, fileEvidence, at } from "../evidence";
import { dockerfilesOf, k8sOf, lineSnippet } from "../support/common";
import { runLine } from "../support/wf-steps";
import { logicalLines } from "../../analyzers/tools/kinds";
import { defineCheck } from "../define";

const SOCK = /(^|[\s=:"'])\/(var\/)?run\/docker\.sock\b/;

const PRIV_RUN = /\bdocker\s+(run|create)\b[^\n]*\s--privileged\b|\s--privileged(=true)?(\s|$)/;

function workflowFindings(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  for (const job of wf.jobs) {
    const containers = [
      ["container", job.container] as const,
      ...Object.entries(job.services).map(([n, s]) => [`service ${n}`, s] as const),
    ];
    for (const [where, c] of containers) {
      if (!c) continue;
      if (c.options && /--privileged\b/.test(c.options.value))
        out.push(
          finding(
            `Job \`${job.id}\` ${where} runs with --privileged.`,
            at(wf, c.options.pos),
            "Remove `--privileged` from `options:`; grant only the capability needed (`--cap-add …`) or build with rootless BuildKit.",
            "high",
          ),
        );
      if (c.options && SOCK.test(c.options.value))
        out.push(
          finding(
            `Job \`${job.id}\` ${where} mounts the Docker socket.`,
            at(wf, c.options.pos),
            "Remove the docker.sock mount: it is root on the runner host. Use a rootless builder (buildx with docker-container driver, kaniko, buildah).",
            "high",
          ),
        );
      for (const v of c.volumes ?? [])
        if (SOCK.test(v.value))
          out.push(
            finding(
              `Job \`${job.id}\` ${where} mounts the Docker socket.`,
              at(wf, v.pos),
              "Remove the docker.sock volume: it is root on the runner host.",
              "high",
            ),
          );
    }
    for (const step of job.steps) {
      if (!step.run) continue;
      for (const l of logicalLines(step.run.value)) {
        if (/^\s*#/.test(l.text) || !/\bdocker\b|\bpodman\b/.test(l.text)) continue;
        const priv = PRIV_RUN.test(l.text);
        const sock = /\s(-v|--volume|--mount)[=\s][^\n]*\/var\/run\/docker\.sock/.test(l.text);
        if (!priv && !sock) continue;
        const line = runLine(wf, step, l.index);
        out.push(
          finding(
            priv
              ? "A step runs a container with --privileged."
              : "A step mounts the Docker socket into a container.",
            at(wf, { line, column: 1 }),
            priv
              ? "Drop `--privileged`; add only the capabilities the container needs."
              : "Do not mount /var/run/docker.sock; use a rootless builder.",
            "high",
          ),
        );
      }
    }
  }
  return out;
}

export const privilegedBuild: CheckDefinition = defineCheck({
  id: "privileged-build",
  title: "Builds and workloads are not privileged",
  category: "integrity",
  severity: "high",
  from: ["wf", "files"],
  rationale:
    "A privileged container or a mounted Docker socket is root on the host: one compromised build step or pod owns the runner or node, its caches and its neighbours' secrets.",
  remediation:
    "Remove --privileged and docker.sock mounts; set runAsNonRoot: true and allowPrivilegeEscalation: false on every workload.",
  input: "repository",
  run(facts) {
    const wfs = workflowsOf(facts);
    const findings = wfs.workflows.flatMap(workflowFindings);
    const dfs = dockerfilesOf(facts);
    for (const df of dfs.parsed)
      for (const st of df.stages)
        for (const r of st.runs) {
          if (/--security=insecure\b/.test(r.value.split("\n")[0] ?? ""))
            findings.push({
              message: "RUN --security=insecure runs the step with full privileges.",
              evidence: fileEvidence(df.path, r.line, lineSnippet(df.lines, r.line)),
              remediation: "Remove `--security=insecure` from the RUN instruction.",
              confidence: "high",
            });
        }
    const k8s = k8sOf(facts);
    let workloads = 0;
    for (const f of k8s.files) {
      for (const w of f.workloads) {
        workloads++;
        const where = `${w.kind} ${w.name}`;
        for (const m of w.dockerSocketMounts)
          findings.push({
            message: `${where} mounts ${m.value} from the host.`,
            evidence: fileEvidence(f.path, m.line, m.value),
            remediation: "Remove the hostPath volume for the container runtime socket.",
            confidence: "high",
          });
        for (const c of w.containers) {
          const cw = `${where} container ${c.name}`;
          if (c.privileged?.value)
            findings.push({
              message: `${cw} is privileged.`,
              evidence: fileEvidence(f.path, c.privileged.line, "privileged: true"),
              remediation: `Set \`privileged: false\` in ${cw}'s securityContext.`,
              confidence: "high",
            });
          const nonRoot = c.runAsNonRoot?.value ?? w.podRunAsNonRoot?.value;
          if (nonRoot !== true)
            findings.push({
              message: `${cw} does not set runAsNonRoot: true${nonRoot === false ? " (explicitly false)" : ""}.`,
              evidence: fileEvidence(
                f.path,
                c.runAsNonRoot?.line ?? c.line,
                c.runAsNonRoot ? "runAsNonRoot: false" : `- name: ${c.name}`,
              ),
              remediation: `Add to ${cw}'s (or the pod's) securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001`,
              confidence: "high",
              severity: nonRoot === false ? "high" : "medium",
            });
          if (c.allowPrivilegeEscalation?.value !== false && !c.privileged?.value)
            findings.push({
              message: `${cw} does not set allowPrivilegeEscalation: false.`,
              evidence: fileEvidence(
                f.path,
                c.allowPrivilegeEscalation?.line ?? c.line,
                c.allowPrivilegeEscalation ? "allowPrivilegeEscalation: true" : `- name: ${c.name}`,
              ),
              remediation: `Add \`allowPrivilegeEscalation: false\` to ${cw}'s securityContext.`,
              confidence: "high",
              severity: "medium",
            });
        }
      }
    }
    const failures = [...wfs.failures, ...dfs.failures, ...k8s.failures];
    const nothing = wfs.total === 0 && dfs.parsed.length === 0 && workloads === 0;
    return {
      findings,
      failures,
      notApplicable: nothing ? "No workflow, Dockerfile or Kubernetes workload found." : undefined,
    };
  },
});
