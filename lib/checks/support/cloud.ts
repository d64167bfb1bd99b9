// Long-lived cloud credentials: secret/env names that hold them, and cloud login steps
// fed static keys where OIDC federation exists.
import type { Step } from "../../analyzers/workflow/model";
import { usesAction } from "./util";

export type Cloud = "AWS" | "Google Cloud" | "Azure";

// Names repeat across every workflow (GITHUB_TOKEN, NODE_VERSION, …): judged once each.
// Bounded, cleared when full, so hostile input cannot grow it.
export const judged = new Map<string, Cloud | null>();

/** Which cloud a secret or env var name holds a static key for (names are case-insensitive). */
export function cloudKeyName(name: string): Cloud | null {
  let cloud = judged.get(name);
  if (cloud === undefined) {
    cloud = judgeKeyName(name);
    if (judged.size >= 10_000) judged.clear();
    judged.set(name, cloud);
  }
  return cloud;
}

export function judgeKeyName(name: string): Cloud | null {
  const n = name.toUpperCase();
  if (
    n.includes("AWS") &&
    (n.includes("SECRET_ACCESS_KEY") || n.includes("ACCESS_KEY_ID") || n.includes("SECRET_KEY"))
  )
    return "AWS";
  if (n === "SECRET_ACCESS_KEY") return "AWS";
  const google = n.includes("GCP") || n.includes("GOOGLE") || n.includes("GCLOUD") || n.includes("GKE");
  if (
    google &&
    (n.includes("CREDENTIALS") ||
      n.includes("SA_KEY") ||
      n.includes("SERVICE_ACCOUNT") ||
      n.includes("KEY_JSON") ||
      n.includes("KEYFILE"))
  )
    return "Google Cloud";
  if (n.includes("SERVICE_ACCOUNT_KEY") || n.includes("SERVICE_ACCOUNT_JSON")) return "Google Cloud";
  if (n === "AZURE_CREDENTIALS" || n.includes("ARM_CLIENT_SECRET")) return "Azure";
  if (
    n.includes("AZURE") &&
    (n.includes("CLIENT_SECRET") || n.includes("CREDENTIALS") || n.includes("SP_PASSWORD"))
  )
    return "Azure";
  return null;
}

export interface StaticLogin {
  cloud: Cloud;
  input: string;
  oidc: string;
}

export const LOGINS: Array<{ action: string; cloud: Cloud; inputs: string[]; oidc: string }> = [
  {
    action: "aws-actions/configure-aws-credentials",
    cloud: "AWS",
    inputs: ["aws-secret-access-key", "aws-access-key-id"],
    oidc: "remove `aws-access-key-id`/`aws-secret-access-key`, set `role-to-assume: arn:aws:iam::<account>:role/<role>` and give the job `permissions: id-token: write`",
  },
  {
    action: "google-github-actions/auth",
    cloud: "Google Cloud",
    inputs: ["credentials_json"],
    oidc: "replace `credentials_json` with `workload_identity_provider: projects/<n>/locations/global/workloadIdentityPools/<pool>/providers/<provider>` and `service_account: <sa>@<project>.iam.gserviceaccount.com`, with `permissions: id-token: write`",
  },
  {
    action: "google-github-actions/setup-gcloud",
    cloud: "Google Cloud",
    inputs: ["service_account_key"],
    oidc: "authenticate first with google-github-actions/auth using `workload_identity_provider` (no key) and drop `service_account_key`",
  },
  {
    action: "azure/login",
    cloud: "Azure",
    inputs: ["creds"],
    oidc: "replace `creds` with `client-id`, `tenant-id` and `subscription-id` (federated credential on the app registration) and give the job `permissions: id-token: write`",
  },
];

/** Cloud login steps and whether they are fed static keys. */
export function cloudLogin(step: Step): { cloud: Cloud; staticInput: string | null; oidc: string } | null {
  for (const l of LOGINS) {
    if (!usesAction(step, l.action)) continue;
    const input =
      l.inputs.find((i) => step.with[i] !== undefined && step.with[i]!.value.trim() !== "") ?? null;
    return { cloud: l.cloud, staticInput: input, oidc: l.oidc };
  }
  return null;
}
