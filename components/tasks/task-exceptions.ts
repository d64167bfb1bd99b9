import { matchesRepoPattern } from "@/lib/policy";
import type { ExceptionSummaryData } from "@/components/policy/exception-summary";

type PolicyException = ExceptionSummaryData & { checkId: string; repo: string };

/**
 * The exceptions a task's reader needs: the one it was accepted under, and any other of
 * its check and repository that is pending or active (e.g. one requested from the task
 * and awaiting a second lead). Expired ones only when the task rests on them.
 */
export function exceptionsForTask<E extends PolicyException>(
  task: { repo: string; check: string; exceptionId: string | null },
  exceptions: readonly E[],
): E[] {
  return exceptions.filter(
    (e) =>
      e.id === task.exceptionId ||
      (e.checkId === task.check && e.status !== "expired" && matchesRepoPattern(e.repo, task.repo)),
  );
}
