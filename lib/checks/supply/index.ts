// Supply-chain, artifact-integrity and code-ownership checks (CHECKS.md).
import type { CheckDefinition } from "../types";
import { actionsAllowAll } from "./actions-allow-all";
import { noProvenance, noSbom, unsignedArtifacts } from "./artifacts";
import { codeownersMissing, workflowsUnowned } from "./codeowners";
import { curlPipeShell } from "./curl-pipe-shell";
import { noDependencyUpdates } from "./dependency-updates";
import { noDeployVerification } from "./deploy-verification";
import { dockerfileRootUser } from "./dockerfile-root-user";
import { hardcodedCredential } from "./hardcoded-credential";
import { knownVulnerableAction } from "./known-vulnerable-action";
import { missingLockfile } from "./missing-lockfile";
import { openVulnerabilityAlerts } from "./open-vulnerability-alerts";
import { privilegedBuild } from "./privileged-build";
import { noDependencyScanGate, noSast } from "./scanners";
import { iacUnscanned, noSecretScan } from "./secret-iac-scan";
import { unpinnedAction } from "./unpinned-action";
import { unpinnedImage } from "./unpinned-image";

export const supplyChecks: CheckDefinition[] = [
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
];
