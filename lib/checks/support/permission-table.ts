// The GITHUB_TOKEN scopes a job needs, derived from the actions and commands it uses.
// A data table on purpose: add rows, do not add logic.
import type { Job, PermissionLevel, Step } from "../../analyzers/workflow/model";
import { isActionOrSubpath } from "../../analyzers/tools/kinds";
import { actionName } from "./util";

export type Scopes = Record<string, Exclude<PermissionLevel, "none">>;

export interface Rule {
  uses?: string;
  /** Substring of the step's `run:` (lower-case). */
  run?: string;
  /** Extra condition on the step's `with:` (key, substring of the value). */
  withHas?: [string, string];
  /** Substring of `with.script` (github-script). */
  script?: string;
  scopes: Scopes;
}

export const RULES: Rule[] = [
  { uses: "actions/deploy-pages", scopes: { pages: "write", "id-token": "write" } },
  { uses: "softprops/action-gh-release", scopes: { contents: "write" } },
  { uses: "ncipollo/release-action", scopes: { contents: "write" } },
  { uses: "actions/create-release", scopes: { contents: "write" } },
  { uses: "actions/upload-release-asset", scopes: { contents: "write" } },
  { uses: "actions/attest-build-provenance", scopes: { "id-token": "write", attestations: "write" } },
  { uses: "actions/attest-sbom", scopes: { "id-token": "write", attestations: "write" } },
  { uses: "actions/attest", scopes: { "id-token": "write", attestations: "write" } },
  { uses: "docker/login-action", withHas: ["registry", "ghcr.io"], scopes: { packages: "write" } },
  { uses: "github/codeql-action/analyze", scopes: { "security-events": "write", actions: "read" } },
  { uses: "github/codeql-action/upload-sarif", scopes: { "security-events": "write" } },
  {
    uses: "aws-actions/configure-aws-credentials",
    withHas: ["role-to-assume", ""],
    scopes: { "id-token": "write" },
  },
  {
    uses: "google-github-actions/auth",
    withHas: ["workload_identity_provider", ""],
    scopes: { "id-token": "write" },
  },
  { uses: "azure/login", withHas: ["client-id", ""], scopes: { "id-token": "write" } },
  { uses: "pypa/gh-action-pypi-publish", scopes: { "id-token": "write" } },
  { uses: "peter-evans/create-pull-request", scopes: { contents: "write", "pull-requests": "write" } },
  { uses: "peter-evans/create-or-update-comment", scopes: { issues: "write", "pull-requests": "write" } },
  { uses: "marocchino/sticky-pull-request-comment", scopes: { "pull-requests": "write" } },
  { uses: "jamesives/github-pages-deploy-action", scopes: { contents: "write" } },
  { uses: "peaceiris/actions-gh-pages", scopes: { contents: "write" } },
  { uses: "release-drafter/release-drafter", scopes: { contents: "write", "pull-requests": "write" } },
  { uses: "googleapis/release-please-action", scopes: { contents: "write", "pull-requests": "write" } },
  {
    uses: "google-github-actions/release-please-action",
    scopes: { contents: "write", "pull-requests": "write" },
  },
  { uses: "changesets/action", scopes: { contents: "write", "pull-requests": "write" } },
  { uses: "actions/stale", scopes: { issues: "write", "pull-requests": "write" } },
  { uses: "actions/labeler", scopes: { "pull-requests": "write" } },
  { uses: "codecov/codecov-action", withHas: ["use_oidc", "true"], scopes: { "id-token": "write" } },
  { uses: "actions/github-script", script: "issues.", scopes: { issues: "write" } },
  { uses: "actions/github-script", script: "pulls.", scopes: { "pull-requests": "write" } },
  {
    uses: "actions/github-script",
    script: "createcomment",
    scopes: { issues: "write", "pull-requests": "write" },
  },
  { run: "git push", scopes: { contents: "write" } },
  { run: "gh release", scopes: { contents: "write" } },
  { run: "gh pr comment", scopes: { "pull-requests": "write" } },
  { run: "gh pr edit", scopes: { "pull-requests": "write" } },
  { run: "gh pr create", scopes: { contents: "write", "pull-requests": "write" } },
  { run: "gh pr merge", scopes: { contents: "write", "pull-requests": "write" } },
  { run: "gh issue", scopes: { issues: "write" } },
  { run: "docker push ghcr.io", scopes: { packages: "write" } },
  { run: "ghcr.io", scopes: { packages: "write" } },
  { run: "npm publish --provenance", scopes: { "id-token": "write" } },
  { run: "cosign sign", scopes: { "id-token": "write" } },
];

export function matches(rule: Rule, step: Step): boolean {
  if (rule.uses) {
    const n = actionName(step.uses);
    if (n === null || !isActionOrSubpath(n, rule.uses)) return false;
    if (rule.withHas) {
      const v = step.with[rule.withHas[0]]?.value.toLowerCase();
      if (v === undefined || !v.includes(rule.withHas[1])) return false;
    }
    if (rule.script && !(step.with["script"]?.value.toLowerCase() ?? "").includes(rule.script)) return false;
    return true;
  }
  const run = step.run?.value.toLowerCase();
  if (!run || !rule.run) return false;
  // A bare ghcr.io mention only counts when the step also pushes.
  if (rule.run === "ghcr.io")
    return run.includes("ghcr.io") && (run.includes("docker push") || run.includes("--push"));
  return run.includes(rule.run);
}

export function neededScopes(jobs: Job[]): Scopes {
  const out: Scopes = Object.create(null);
  out["contents"] = "read";
  for (const step of jobs.flatMap((j) => j.steps)) {
    for (const rule of RULES) {
      if (!matches(rule, step)) continue;
      for (const [scope, level] of Object.entries(rule.scopes))
        if (out[scope] !== "write") out[scope] = level;
    }
  }
  return out;
}

/** The `permissions:` block as YAML text, `contents` first. */
export function permissionsBlock(scopes: Scopes, indent = ""): string {
  const keys = Object.keys(scopes).sort((a, b) =>
    a === "contents" ? -1 : b === "contents" ? 1 : a.localeCompare(b),
  );
  return [`${indent}permissions:`, ...keys.map((k) => `${indent}  ${k}: ${scopes[k]}`)].join("\n");
}
