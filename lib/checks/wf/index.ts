// Workflow-based secrets and integrity checks (CHECKS.md). All parse workflows through
// the shared, memoised workflowsOf(facts).
import type { CheckDefinition } from "../types";
import { deployWithoutEnvironment, rebuildOnDeploy } from "./deploy-checks";
import { excessivePermissions } from "./excessive-permissions";
import { githubEnvInjection, insecureCommands, templateInjection } from "./injection";
import { cachePoisoning, selfHostedRunner } from "./runners-cache";
import { oidcMissing, staticCloudCredentials } from "./secrets-cloud";
import { persistedCheckoutCredentials, secretInLogs } from "./secrets-exposure";
import { overprovisionedSecrets, secretsInherit, secretsOutsideEnvironment } from "./secrets-scope";
import { dangerousTrigger, secretsInUntrustedTrigger } from "./untrusted-trigger";

export const wfChecks: CheckDefinition[] = [
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
];

export { workflowsOf, isWorkflowPath } from "./workflows-of";
