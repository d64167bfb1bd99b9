"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { runAction } from "@/lib/server/action-result";
import { addPolicyException } from "@/lib/server/policy/add-policy-exception";
import { approvePolicyException } from "@/lib/server/policy/approve-policy-exception";
import { revokePolicyException } from "@/lib/server/policy/revoke-policy-exception";
import { PolicyInvalidError } from "@/lib/server/internal/policy-invalid-error";
import { updatePolicy } from "@/lib/server/policy/update-policy";
import { updatePolicySettings } from "@/lib/server/policy/update-policy-settings";
import type { PolicyActionState } from "@/components/policy/action-state";

async function run(work: () => Promise<string>): Promise<PolicyActionState> {
  let message = "";
  let issues: string[] | undefined;
  const result = await runAction(async () => {
    try {
      message = await work();
    } catch (error) {
      if (error instanceof PolicyInvalidError) issues = error.issues;
      throw error;
    }
  });
  if (!result || result.ok) {
    // Scores changed everywhere: the overview and every repository page.
    revalidatePath("/", "layout");
    return { ok: true, message };
  }
  return issues
    ? { ok: false, error: "The policy was not saved: fix these problems.", issues }
    : { ok: false, error: result.error };
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export async function updatePolicyAction(
  _prev: PolicyActionState,
  form: FormData,
): Promise<PolicyActionState> {
  return run(async () => {
    const saved = await updatePolicy(await getActor(), {
      policy: field(form, "policy") ?? "",
      note: field(form, "note"),
      expectedVersion: field(form, "expectedVersion"),
    });
    return saved.changed
      ? `Saved version ${saved.version}; re-scoring every repository (progress below).`
      : "Nothing changed: the policy is the same as the active version.";
  });
}

/** One entry per line; blank lines and surrounding spaces are not entries. */
const lines = (form: FormData, name: string) =>
  (field(form, name) ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** An empty box is "missing" (zod names the field), not 0. */
const number = (form: FormData, name: string) => {
  const v = field(form, name)?.trim();
  return v ? Number(v) : undefined;
};

export async function savePolicySettingsAction(
  _prev: PolicyActionState,
  form: FormData,
): Promise<PolicyActionState> {
  return run(async () => {
    const saved = await updatePolicySettings(await getActor(), {
      weights: {
        critical: number(form, "weight-critical"),
        high: number(form, "weight-high"),
        medium: number(form, "weight-medium"),
        low: number(form, "weight-low"),
      },
      criticalRepos: lines(form, "criticalRepos"),
      productionEnvironmentPatterns: lines(form, "productionEnvironmentPatterns"),
      productionEnvironments: lines(form, "productionEnvironments"),
      note: field(form, "note"),
      expectedVersion: number(form, "expectedVersion"),
    });
    return saved.changed
      ? `Saved version ${saved.version}; re-scoring every repository (progress below).`
      : "Nothing changed: the policy is the same as the active version.";
  });
}

export async function addExceptionAction(
  _prev: PolicyActionState,
  form: FormData,
): Promise<PolicyActionState> {
  return run(async () => {
    const saved = await addPolicyException(await getActor(), {
      checkId: field(form, "checkId") ?? "",
      repo: field(form, "repo") ?? "",
      justification: field(form, "justification") ?? "",
      expiresAt: field(form, "expiresAt") ?? "",
      // The scope radio: a fingerprint (this finding only) or empty (the whole check).
      fingerprint: field(form, "fingerprint") || undefined,
      expectedVersion: field(form, "expectedVersion"),
    });
    return `Exception ${saved.exceptionId} requested in policy version ${saved.version}; it waives nothing until another security lead approves it.`;
  });
}

export async function approveExceptionAction(
  _prev: PolicyActionState,
  form: FormData,
): Promise<PolicyActionState> {
  return run(async () => {
    const exceptionId = field(form, "exceptionId") ?? "";
    const saved = await approvePolicyException(await getActor(), {
      exceptionId,
      expectedVersion: field(form, "expectedVersion"),
    });
    return `Exception ${exceptionId} approved in policy version ${saved.version}; re-scoring every repository (progress shown on the page).`;
  });
}

export async function revokeExceptionAction(
  _prev: PolicyActionState,
  form: FormData,
): Promise<PolicyActionState> {
  return run(async () => {
    const exceptionId = field(form, "exceptionId") ?? "";
    const saved = await revokePolicyException(await getActor(), {
      exceptionId,
      expectedVersion: field(form, "expectedVersion"),
    });
    return `Exception ${exceptionId} revoked in policy version ${saved.version}; re-scoring every repository (progress shown on the page).`;
  });
}
