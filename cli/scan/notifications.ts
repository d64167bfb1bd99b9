// Adds what the scan could not do to a SARIF log: files that could not be parsed (errors)
// and checks that could not decide (warnings, tied to their rule), as
// invocations[].toolExecutionNotifications, so code scanning shows them instead of a
// silently clean run.
import type * as Sarif from "sarif";
import type { InputError, UndecidedCheck } from "@/lib/checks/input-errors";
import type { CheckDefinition } from "@/lib/checks/types";

export function withNotifications(
  log: Sarif.Log,
  rules: CheckDefinition[],
  errors: InputError[],
  undecided: UndecidedCheck[],
): Sarif.Log {
  const run = log.runs[0];
  const invocation = run?.invocations?.[0];
  if (!run || !invocation) return log;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notes: Sarif.Notification[] = [
    ...errors.map((e): Sarif.Notification => ({
      level: "error",
      message: { text: `cannot be analysed: ${e.reason}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(e.file), uriBaseId: "%SRCROOT%" },
            ...(e.line ? { region: { startLine: e.line } } : {}),
          },
        },
      ],
    })),
    ...undecided.map((u): Sarif.Notification => ({
      level: "warning",
      message: { text: `${u.check} is unknown: ${u.reason}` },
      associatedRule: { id: u.check, ...(index.has(u.check) ? { index: index.get(u.check) } : {}) },
    })),
  ];
  invocation.toolExecutionNotifications = [...(invocation.toolExecutionNotifications ?? []), ...notes];
  return log;
}
