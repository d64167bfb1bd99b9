import { newDownloadState } from "../../analyzers/tools/download-exec";
import { remoteExecHits, type RemoteExecHit } from "../../analyzers/tools/remote-exec";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { workflowsOf } from "../support/workflows-of";
import { snippet } from "../support/util";
import { dockerfilesOf, lineSnippet } from "../support/common";
import { fileEvidence } from "../evidence";
import { runLine } from "../support/wf-steps";
import { defineCheck } from "../define";

function message(h: RemoteExecHit): string {
  if (h.kind === "download-exec")
    return "A downloaded file is executed without a checksum or signature check.";
  return h.kind === "pipe-to-shell"
    ? "A downloaded script is piped straight into an interpreter."
    : "A tool is downloaded from a moving URL (latest release or a branch) and not checksum-verified.";
}

function remediation(h: RemoteExecHit): string {
  if (h.kind === "download-exec")
    return `Verify the file between download and execution, e.g. \`echo "<sha256>  <file>" | sha256sum -c -\` (or \`gpg --verify\`/\`cosign verify-blob\`), and download a fixed version rather than a moving URL.`;
  return h.kind === "pipe-to-shell"
    ? `Replace \`${h.text.slice(0, 160)}\` with a download of a fixed version to a file, a checksum check (\`echo "<sha256>  install.sh" | sha256sum -c -\`), then run the file — or use a pinned package/action instead.`
    : `Download a specific version (not latest/main) and verify it: \`curl -fsSLo tool <versioned-url> && echo "<sha256>  tool" | sha256sum -c -\`, or pin \`git+…@<commit-sha>\`.`;
}

export const curlPipeShell: CheckDefinition = defineCheck({
  id: "curl-pipe-shell",
  title: "No downloaded script is executed unverified",
  category: "supply-chain",
  severity: "high",
  from: ["wf", "files"],
  rationale:
    "`curl … | sh` runs whatever the server (or anyone in between, or whoever took over the domain) returns at that moment, with the job's secrets and token in reach (Codecov bash uploader, 2021).",
  remediation:
    "Download a pinned version, verify its checksum or signature, then execute it; prefer a package manager or a SHA-pinned action.",
  input: "repository",
  run(facts) {
    const findings: Finding[] = [];
    const wfs = workflowsOf(facts);
    let scripts = 0;
    for (const wf of wfs.workflows) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (!step.run) continue;
          scripts++;
          for (const h of remoteExecHits(step.run.value)) {
            const line = runLine(wf, step, h.index);
            const ev: Evidence = { kind: "file", file: wf.path, line, snippet: snippet(wf, line) };
            findings.push({
              message: message(h),
              evidence: ev,
              remediation: remediation(h),
              confidence: h.confidence,
            });
          }
        }
      }
    }
    const dfs = dockerfilesOf(facts);
    for (const df of dfs.parsed) {
      for (const st of df.stages) {
        // A file downloaded by one RUN and executed by a later one is still unverified.
        const downloads = newDownloadState();
        for (const run of st.runs) {
          scripts++;
          for (const h of remoteExecHits(run.value, downloads)) {
            const line = run.line + h.index;
            findings.push({
              message: message(h),
              evidence: fileEvidence(df.path, line, lineSnippet(df.lines, line)),
              remediation: remediation(h),
              confidence: h.confidence,
            });
          }
        }
      }
    }
    const failures = [...wfs.failures, ...dfs.failures];
    return {
      findings,
      failures,
      notApplicable: scripts === 0 ? "No workflow run step or Dockerfile RUN instruction found." : undefined,
    };
  },
});
