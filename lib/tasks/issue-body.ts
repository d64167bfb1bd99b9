// The GitHub issue a remediation task opens: what fails, where (evidence), and the exact
// fix, in Markdown. Pure, so the text is tested without GitHub.
import type { TaskEvidence } from "./observe";

export interface IssueTask {
  repo: string;
  check: string;
  checkTitle: string;
  severity: string;
  dueAt: Date;
  owners: string[];
  evidence: TaskEvidence[];
  /** Link back to the task in Gatehouse. */
  taskUrl: string;
}

const fence = (text: string) => {
  // A fence longer than any backtick run inside, so the fix is shown verbatim.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
};

export function issueTitle(task: Pick<IssueTask, "checkTitle" | "repo">): string {
  return `[Gatehouse] ${task.checkTitle} in ${task.repo}`.slice(0, 256);
}

export function issueBody(task: IssueTask): string {
  const lines = [
    `Gatehouse found a failing **${task.severity}** check: \`${task.check}\` (${task.checkTitle}).`,
    "",
    `- Due: ${task.dueAt.toISOString().slice(0, 10)}`,
    `- Suggested owner: ${task.owners.join(", ") || "none"}`,
    `- Task: ${task.taskUrl}`,
    "",
  ];
  if (task.evidence.length === 0) lines.push("The check fails as a whole (no single finding).", "");
  task.evidence.forEach((e, i) => {
    const where = e.file ? `\`${e.file}${e.line ? `:${e.line}` : ""}\`` : `\`${e.field ?? "setting"}\``;
    lines.push(`### Finding ${i + 1}: ${where}`, "", e.message, "", "**Fix**", "", fence(e.remediation), "");
  });
  lines.push("Gatehouse closes its task by itself once a sync shows the check passing.");
  return lines.join("\n");
}
