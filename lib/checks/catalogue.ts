// The whole checklist (CHECKS.md), in one list: the one registry. Adding a check is its
// file (lib/checks/<source>/<id>.ts), its test beside it, and one line here. Ids are public
// interface: the catalogue test pins every id with its category and severity.
import type { CheckDefinition, Source } from "./types";
import { openSecretAlerts } from "./alerts/open-secret-alerts";
import { openVulnerabilityAlerts } from "./alerts/open-vulnerability-alerts";
import { codeownersMissing } from "./files/codeowners-missing";
import { dockerfileRootUser } from "./files/dockerfile-root-user";
import { missingLockfile } from "./files/missing-lockfile";
import { noDependencyUpdates } from "./files/no-dependency-updates";
import { workflowsUnowned } from "./files/workflows-unowned";
import { actionsAllowAll } from "./settings/actions-allow-all";
import { actionsApprovePrs } from "./settings/actions-approve-prs";
import { adminBypass } from "./settings/admin-bypass";
import { adminsBypassEnvironment } from "./settings/admins-bypass-environment";
import { branchProtection } from "./settings/branch-protection";
import { codeOwnerReviewOff } from "./settings/code-owner-review-off";
import { defaultTokenWrite } from "./settings/default-token-write";
import { forcePush } from "./settings/force-push";
import { org2fa } from "./settings/org-2fa";
import { orgBasePermission } from "./settings/org-base-permission";
import { outsideCollaboratorAdmin } from "./settings/outside-collaborator-admin";
import { productionAnyBranch } from "./settings/production-any-branch";
import { productionNoReviewers } from "./settings/production-no-reviewers";
import { productionSelfReview } from "./settings/production-self-review";
import { requiredReviews } from "./settings/required-reviews";
import { secretScanningDisabled } from "./settings/secret-scanning-disabled";
import { signedCommits } from "./settings/signed-commits";
import { staleApprovals } from "./settings/stale-approvals";
import { staleSecrets } from "./settings/stale-secrets";
import { statusChecksMissing } from "./settings/status-checks-missing";
import { writeDeployKey } from "./settings/write-deploy-key";
import { cachePoisoning } from "./wf/cache-poisoning";
import { curlPipeShell } from "./wf/curl-pipe-shell";
import { dangerousTrigger } from "./wf/dangerous-trigger";
import { deployWithoutEnvironment } from "./wf/deploy-without-environment";
import { excessivePermissions } from "./wf/excessive-permissions";
import { githubEnvInjection } from "./wf/github-env-injection";
import { hardcodedCredential } from "./wf/hardcoded-credential";
import { iacUnscanned } from "./wf/iac-unscanned";
import { insecureCommands } from "./wf/insecure-commands";
import { knownVulnerableAction } from "./wf/known-vulnerable-action";
import { noDependencyScanGate } from "./wf/no-dependency-scan-gate";
import { noDeployVerification } from "./wf/no-deploy-verification";
import { noProvenance } from "./wf/no-provenance";
import { noSast } from "./wf/no-sast";
import { noSbom } from "./wf/no-sbom";
import { noSecretScan } from "./wf/no-secret-scan";
import { oidcMissing } from "./wf/oidc-missing";
import { overprovisionedSecrets } from "./wf/overprovisioned-secrets";
import { persistedCheckoutCredentials } from "./wf/persisted-checkout-credentials";
import { privilegedBuild } from "./wf/privileged-build";
import { rebuildOnDeploy } from "./wf/rebuild-on-deploy";
import { secretInLogs } from "./wf/secret-in-logs";
import { secretsInUntrustedTrigger } from "./wf/secrets-in-untrusted-trigger";
import { secretsInherit } from "./wf/secrets-inherit";
import { secretsOutsideEnvironment } from "./wf/secrets-outside-environment";
import { selfHostedRunner } from "./wf/self-hosted-runner";
import { staticCloudCredentials } from "./wf/static-cloud-credentials";
import { templateInjection } from "./wf/template-injection";
import { unpinnedAction } from "./wf/unpinned-action";
import { unpinnedImage } from "./wf/unpinned-image";
import { unsignedArtifacts } from "./wf/unsigned-artifacts";
import { spoofableBotCondition } from "./wf/spoofable-bot-condition";
import { unsoundCondition } from "./wf/unsound-condition";
import { artifactPoisoning } from "./wf/artifact-poisoning";
import { unredactedSecret } from "./wf/unredacted-secret";
import { longLivedPublishToken } from "./wf/long-lived-publish-token";
import { dependabotInsecureExecution } from "./files/dependabot-insecure-execution";
import { impostorCommit } from "./wf/impostor-commit";
import { pinCommentMismatch } from "./wf/pin-comment-mismatch";
import { archivedAction } from "./wf/archived-action";
import { webhookInsecure } from "./settings/webhook-insecure";

export const catalogue: CheckDefinition[] = [
  staticCloudCredentials,
  oidcMissing,
  secretsOutsideEnvironment,
  secretsInUntrustedTrigger,
  secretInLogs,
  secretsInherit,
  overprovisionedSecrets,
  persistedCheckoutCredentials,
  dangerousTrigger,
  templateInjection,
  githubEnvInjection,
  insecureCommands,
  excessivePermissions,
  selfHostedRunner,
  cachePoisoning,
  rebuildOnDeploy,
  deployWithoutEnvironment,
  unpinnedAction,
  unpinnedImage,
  missingLockfile,
  noDependencyUpdates,
  noDependencyScanGate,
  noSast,
  noSecretScan,
  curlPipeShell,
  actionsAllowAll,
  openVulnerabilityAlerts,
  knownVulnerableAction,
  dockerfileRootUser,
  iacUnscanned,
  hardcodedCredential,
  privilegedBuild,
  unsignedArtifacts,
  noProvenance,
  noSbom,
  noDeployVerification,
  codeownersMissing,
  workflowsUnowned,
  branchProtection,
  requiredReviews,
  staleApprovals,
  adminBypass,
  forcePush,
  signedCommits,
  outsideCollaboratorAdmin,
  writeDeployKey,
  actionsApprovePrs,
  defaultTokenWrite,
  org2fa,
  orgBasePermission,
  secretScanningDisabled,
  openSecretAlerts,
  staleSecrets,
  codeOwnerReviewOff,
  statusChecksMissing,
  productionNoReviewers,
  productionSelfReview,
  productionAnyBranch,
  adminsBypassEnvironment,
  spoofableBotCondition,
  unsoundCondition,
  artifactPoisoning,
  unredactedSecret,
  longLivedPublishToken,
  dependabotInsecureExecution,
  impostorCommit,
  pinCommentMismatch,
  archivedAction,
  webhookInsecure,
];

export function checkById(id: string): CheckDefinition | undefined {
  return catalogue.find((c) => c.id === id);
}

/** The checks reading a given source (e.g. the settings checks). */
export function checksFrom(source: Source): CheckDefinition[] {
  return catalogue.filter((c) => c.from.includes(source));
}
