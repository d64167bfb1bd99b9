import type { CheckDefinition, Evidence, Finding } from "../types";
import { own, readJson } from "../../analyzers/manifests/read-config";
import { allPaths, fileOf } from "../support/common";
import { fileEvidence } from "../evidence";
import { defineCheck } from "../define";

const DEPENDABOT = [".github/dependabot.yml", ".github/dependabot.yaml"];

const RENOVATE = [
  "renovate.json",
  "renovate.json5",
  ".renovaterc",
  ".renovaterc.json",
  ".renovaterc.json5",
  ".github/renovate.json",
  ".github/renovate.json5",
  ".gitlab/renovate.json",
  ".gitlab/renovate.json5",
];

export const noDependencyUpdates: CheckDefinition = defineCheck({
  id: "no-dependency-updates",
  title: "Dependabot or Renovate keeps dependencies current",
  category: "supply-chain",
  severity: "medium",
  from: ["files"],
  rationale:
    "Pins and lockfiles only help if someone moves them: an update bot turns fixes (and SHA-pinned action updates) into reviewable pull requests instead of silent drift.",
  remediation:
    "Add .github/dependabot.yml with an `updates:` entry per ecosystem (including `github-actions`), or a renovate.json.",
  input: "repository",
  run(facts) {
    const paths = new Set(allPaths(facts));
    const evidence: Evidence[] = [];
    const findings: Finding[] = [];
    for (const p of DEPENDABOT.filter((x) => paths.has(x))) {
      const text = fileOf(facts, p)?.text;
      if (typeof text === "string" && !/package-ecosystem\s*:/.test(text)) {
        findings.push({
          message: `${p} declares no \`updates\` with a package-ecosystem.`,
          evidence: fileEvidence(p, 1, text.split("\n")[0]?.trim() ?? ""),
          remediation: `Add an entry per ecosystem to ${p}, e.g.\nupdates:\n  - package-ecosystem: "github-actions"\n    directory: "/"\n    schedule: { interval: "weekly" }`,
          confidence: "high",
        });
      } else evidence.push(fileEvidence(p, 1, "Dependabot version updates"));
    }
    for (const p of RENOVATE.filter((x) => paths.has(x)))
      evidence.push(fileEvidence(p, 1, "Renovate configuration"));
    const pkg = fileOf(facts, "package.json")?.text;
    if (typeof pkg === "string") {
      const r = readJson(pkg);
      if (r.ok && own(r.value, "renovate") !== undefined) {
        const line = pkg.split("\n").findIndex((l) => l.includes('"renovate"')) + 1;
        evidence.push(fileEvidence("package.json", line || 1, '"renovate": { … }'));
      }
    }
    if (evidence.length > 0) return { findings: [], evidence };
    if (findings.length > 0) return { findings };
    const confidence = facts.paths === null ? "medium" : "high";
    return {
      findings: [
        {
          message: "Neither Dependabot nor Renovate is configured.",
          evidence: {
            kind: "api",
            field: "tree",
            value: "no .github/dependabot.yml, renovate.json, .renovaterc or package.json#renovate",
          },
          remediation:
            'Create .github/dependabot.yml:\nversion: 2\nupdates:\n  - package-ecosystem: "github-actions"\n    directory: "/"\n    schedule: { interval: "weekly" }\n(add one entry per package ecosystem in the repository).',
          confidence,
        },
      ],
    };
  },
});
