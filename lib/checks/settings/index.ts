// Checks judged from repository/organisation settings and security alerts (CHECKS.md
// rows marked `settings` or `alerts` alone). All of them are `unknown` in
// `gatehouse scan`, which has no settings.
import type { CheckDefinition } from "../types";
import { actionsApprovePrs, defaultTokenWrite } from "./actions-token";
import { org2fa, orgBasePermission, outsideCollaboratorAdmin, writeDeployKey } from "./access";
import { adminBypass } from "./admin-bypass";
import { branchProtection, forcePush, signedCommits, statusChecksMissing } from "./branch-protection";
import { codeOwnerReviewOff, requiredReviews, staleApprovals } from "./branch-reviews";
import {
  adminsBypassEnvironment,
  productionAnyBranch,
  productionNoReviewers,
  productionSelfReview,
} from "./environments";
import { openSecretAlerts, secretScanningDisabled, staleSecrets } from "./secrets";

export const settingsChecks: CheckDefinition[] = [
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
];
