import type { z } from "zod";
import type { IssueSink } from "./issues";

/** Parses an API answer; a mismatch is recorded and yields null ("unknown"), never a throw. */
export function parseOrNull<T extends z.ZodType>(
  schema: T,
  value: unknown,
  subject: string,
  sink: IssueSink,
): z.infer<T> | null {
  if (value === null || value === undefined) return null;
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  sink({
    kind: "value_invalid",
    subject,
    reason: `unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
  });
  return null;
}
