// The default threats of a repository's pipeline and the checks that answer them
// (CHECKS.md, "Threats and the controls that answer them"). Ids are stable: regeneration
// and imports match on them.
import type { AssetKind, Stage, StrideCategory, Threat } from "./model";

export interface DefaultThreat {
  id: string;
  title: string;
  category: StrideCategory;
  stage: Stage;
  likelihood: Threat["likelihood"];
  impact: Threat["impact"];
  description: string;
  /** Which of the repository's assets the threat sits on. */
  assetKinds: AssetKind[];
  checks: string[];
}

export const DEFAULT_THREATS: readonly DefaultThreat[] = [
  {
    id: "threat:credential-theft",
    title: "Credential theft",
    category: "information-disclosure",
    stage: "build",
    likelihood: "medium",
    impact: "high",
    description:
      "A secret used by the pipeline leaks (logs, forks, long-lived tokens) and is used outside it.",
    assetKinds: ["secret", "workflow"],
    checks: [
      "static-cloud-credentials",
      "oidc-missing",
      "secret-in-logs",
      "secrets-outside-environment",
      "hardcoded-credential",
      "persisted-checkout-credentials",
      "secret-scanning-disabled",
      "open-secret-alerts",
      "stale-secrets",
      "unredacted-secret",
      "long-lived-publish-token",
      "webhook-insecure",
    ],
  },
  {
    id: "threat:workflow-manipulation",
    title: "Workflow manipulation",
    category: "tampering",
    stage: "source",
    likelihood: "medium",
    impact: "high",
    description: "Someone changes a workflow or the default branch without an independent review.",
    assetKinds: ["repository", "workflow"],
    checks: [
      "workflows-unowned",
      "code-owner-review-off",
      "branch-protection",
      "required-reviews",
      "admin-bypass",
      "excessive-permissions",
      "actions-approve-prs",
      "default-token-write",
    ],
  },
  {
    id: "threat:build-injection",
    title: "Build injection",
    category: "elevation-of-privilege",
    stage: "build",
    likelihood: "medium",
    impact: "high",
    description:
      "Untrusted input (titles, branch names, fork code, artifacts) runs as code in a privileged job.",
    assetKinds: ["workflow"],
    checks: [
      "template-injection",
      "github-env-injection",
      "dangerous-trigger",
      "secrets-in-untrusted-trigger",
      "insecure-commands",
      "spoofable-bot-condition",
      "unsound-condition",
      "artifact-poisoning",
    ],
  },
  {
    id: "threat:dependency-confusion",
    title: "Dependency confusion and typosquatting",
    category: "spoofing",
    stage: "build",
    likelihood: "medium",
    impact: "high",
    description: "The build pulls an action, image or package that is not the one intended.",
    assetKinds: ["workflow", "dockerfile", "base-image"],
    checks: [
      "missing-lockfile",
      "unpinned-action",
      "unpinned-image",
      "no-dependency-scan-gate",
      "open-vulnerability-alerts",
      "curl-pipe-shell",
      "known-vulnerable-action",
      "actions-allow-all",
      "impostor-commit",
      "pin-comment-mismatch",
      "archived-action",
      "dependabot-insecure-execution",
    ],
  },
  {
    id: "threat:artifact-tampering",
    title: "Artifact tampering",
    category: "tampering",
    stage: "registry",
    likelihood: "low",
    impact: "high",
    description: "An image is replaced or altered between the build and the deployment.",
    assetKinds: ["registry-image"],
    checks: ["unsigned-artifacts", "no-provenance", "no-sbom", "no-deploy-verification", "rebuild-on-deploy"],
  },
  {
    id: "threat:runner-compromise",
    title: "Runner compromise",
    category: "elevation-of-privilege",
    stage: "build",
    likelihood: "low",
    impact: "high",
    description: "A build machine is taken over and poisons later builds or steals their credentials.",
    assetKinds: ["workflow", "dockerfile"],
    checks: [
      "self-hosted-runner",
      "privileged-build",
      "cache-poisoning",
      "persisted-checkout-credentials",
      "dockerfile-root-user",
    ],
  },
  {
    id: "threat:unauthorised-deployment",
    title: "Unauthorised deployment",
    category: "elevation-of-privilege",
    stage: "deploy",
    likelihood: "medium",
    impact: "high",
    description: "Code reaches production without the approval the environment should require.",
    assetKinds: ["environment", "k8s-manifest"],
    checks: [
      "production-no-reviewers",
      "production-self-review",
      "production-any-branch",
      "deploy-without-environment",
      "admins-bypass-environment",
      "force-push",
    ],
  },
];

export const checkControlId = (check: string) => `control:check:${check}`;
