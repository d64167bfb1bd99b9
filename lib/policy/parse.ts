import type { z } from "zod";

import type { Policy } from "./schema";
import { PolicySchema } from "./schema";

/** Thrown by `parsePolicy`; `issues` are "path: message" lines a person can act on. */
export class PolicyParseError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid policy:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "PolicyParseError";
  }
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("");
  const where = path === "" ? "(policy)" : path.replace(/^\./, "");
  return `${where}: ${issue.message}`;
}

export function safeParsePolicy(
  input: unknown,
): { ok: true; policy: Policy } | { ok: false; errors: string[] } {
  const parsed = PolicySchema.safeParse(input);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(formatIssue) };
}

/** Validates and fills defaults; throws `PolicyParseError` listing every problem at once. */
export function parsePolicy(input: unknown): Policy {
  const result = safeParsePolicy(input);
  if (!result.ok) throw new PolicyParseError(result.errors);
  return result.policy;
}
