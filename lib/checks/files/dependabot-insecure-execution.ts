// `insecure-external-code-execution: allow` lets Dependabot run code from the manifests it
// updates (setup.py, gemspecs, Gradle scripts) with access to the registry credentials it
// was given, so a malicious dependency release can read them.
import { parseDocument } from "yaml";
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { fileEvidence, finding, snippetOf } from "../evidence";

const PATHS = [".github/dependabot.yml", ".github/dependabot.yaml"];

export const dependabotInsecureExecution = defineCheck({
  id: "dependabot-insecure-execution",
  title: "Dependabot does not execute manifest code",
  category: "supply-chain",
  severity: "medium",
  from: ["files"],
  rationale:
    "With `insecure-external-code-execution: allow`, Dependabot executes code in the manifests it updates (for pip, bundler, mix and others) while holding the private registry credentials configured for it: a compromised dependency can steal them.",
  remediation:
    "Remove `insecure-external-code-execution: allow` (the default is deny); if an ecosystem needs it, give that update entry no private registries.",
  input: "repository",
  run(facts) {
    const file = facts.files.find((f) => PATHS.includes(f.path));
    if (!file) return { findings: [], notApplicable: "No .github/dependabot.yml." };
    if (file.text === null || file.truncated)
      return {
        findings: [],
        failures: [{ path: file.path, reason: file.skippedReason ?? "file content not read" }],
      };
    const doc = parseDocument(file.text);
    if (doc.errors.length > 0)
      return {
        findings: [],
        failures: [{ path: file.path, reason: doc.errors[0]!.message.split("\n")[0]! }],
      };
    const lines = file.text.split(/\r?\n/);
    const updates = (doc.toJS() as { updates?: unknown } | null)?.updates;
    const findings: Finding[] = [];
    let cursor = 0;
    for (const u of Array.isArray(updates) ? updates : []) {
      const entry = u as Record<string, unknown>;
      if (String(entry["insecure-external-code-execution"] ?? "").toLowerCase() !== "allow") continue;
      const at = lines.findIndex(
        (l, i) => i >= cursor && /insecure-external-code-execution\s*:\s*["']?allow/i.test(l),
      );
      cursor = at + 1;
      const line = at + 1 || 1;
      findings.push(
        finding(
          `Dependabot may execute manifest code for the ${String(entry["package-ecosystem"] ?? "?")} updates in \`${String(entry["directory"] ?? "/")}\`.`,
          fileEvidence(file.path, line, snippetOf(lines, line)),
          `Delete line ${line} (\`insecure-external-code-execution: allow\`) of ${file.path}.`,
        ),
      );
    }
    return { findings, evidence: [fileEvidence(file.path, 1, snippetOf(lines, 1))] };
  },
});
