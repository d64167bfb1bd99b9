import type { CheckDefinition } from "../types";
import { defineCheck } from "../define";
import { judgeTokenSetting } from "../support/actions-token";

export const defaultTokenWrite: CheckDefinition = defineCheck({
  id: "default-token-write",
  title: "The default GITHUB_TOKEN is read-only",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "With a read-write default, every workflow job that does not declare `permissions:` gets write access to contents, packages and more, so any compromised step can push code or publish artifacts. Fails when the repository or its organisation defaults to write; not applicable when Actions is disabled.",
  remediation:
    'Set Workflow permissions to "Read repository contents and packages permissions" and grant write per job with `permissions:`.',
  run: (facts) =>
    judgeTokenSetting(facts, {
      field: "default_workflow_permissions",
      read: (a) => a.defaultWorkflowPermissions,
      bad: (v) => v === "write",
      safe: "read",
      describe: (level) => `The ${level} gives the GITHUB_TOKEN read-write permissions by default.`,
      ui: 'Actions → General → Workflow permissions → "Read repository contents and packages permissions"',
    }),
});
