// How long a remediation task may stay open, by severity, and how urgent it is. Pure:
// the clock comes in as an argument.
import type { Severity } from "../checks/types";

export type TaskSla = Record<Severity, number>;

/** Days to fix, from the policy: critical within a week, low within half a year. */
export const DEFAULT_TASK_SLA_DAYS: TaskSla = { critical: 7, high: 30, medium: 90, low: 180 };

const DAY_MS = 86_400_000;

export function dueDate(severity: Severity, from: Date, sla: TaskSla = DEFAULT_TASK_SLA_DAYS): Date {
  return new Date(from.getTime() + sla[severity] * DAY_MS);
}

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/**
 * Severity × criticality: a high finding on a critical repository (6) outranks a
 * critical one elsewhere (4), because that is where an attacker's win costs most.
 */
export function taskPriority(severity: Severity, criticalRepository: boolean): number {
  return SEVERITY_WEIGHT[severity] * (criticalRepository ? 2 : 1);
}

export function isOverdue(task: { dueAt: Date; status: string }, now: Date): boolean {
  return (task.status === "open" || task.status === "in_progress") && task.dueAt.getTime() < now.getTime();
}
