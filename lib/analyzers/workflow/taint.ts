// Which expression contexts carry text an outside attacker chooses. Lists follow GitHub
// Security Lab's "untrusted input" list and zizmor's template-injection audit; paths are
// matched by segment, case-insensitively, with `*` (and numeric or computed indexes)
// standing for any element.
import { COMPUTED_INDEX } from "../expressions/context-paths";

export type Taint = "attacker" | "safe" | "unknown";
export interface TaintVerdict {
  taint: Taint;
  /** high: on the curated list; medium: matched by a field-name heuristic. */
  confidence: "high" | "medium";
}

const ATTACKER = [
  "github.head_ref",
  "github.event.issue.title",
  "github.event.issue.body",
  "github.event.pull_request.title",
  "github.event.pull_request.body",
  "github.event.pull_request.head.ref",
  "github.event.pull_request.head.label",
  "github.event.pull_request.head.repo.default_branch",
  "github.event.pull_request.head.repo.name",
  "github.event.pull_request.head.repo.full_name",
  "github.event.pull_request.head.repo.description",
  "github.event.pull_request.head.repo.homepage",
  "github.event.comment.body",
  "github.event.review.body",
  "github.event.review_comment.body",
  "github.event.discussion.title",
  "github.event.discussion.body",
  "github.event.pages.*.page_name",
  "github.event.commits.*.message",
  "github.event.commits.*.author.email",
  "github.event.commits.*.author.name",
  "github.event.commits.*.committer.email",
  "github.event.commits.*.committer.name",
  "github.event.head_commit.message",
  "github.event.head_commit.author.email",
  "github.event.head_commit.author.name",
  "github.event.head_commit.committer.email",
  "github.event.head_commit.committer.name",
  "github.event.workflow_run.head_branch",
  "github.event.workflow_run.display_title",
  "github.event.workflow_run.head_commit.message",
  "github.event.workflow_run.head_commit.author.email",
  "github.event.workflow_run.head_commit.author.name",
  "github.event.workflow_run.head_commit.committer.email",
  "github.event.workflow_run.head_commit.committer.name",
  "github.event.workflow_run.head_repository.description",
  "github.event.workflow_run.pull_requests.*.head.ref",
  "github.event.changes.title.from",
  "github.event.changes.body.from",
  "github.event.check_suite.head_branch",
  "github.event.check_run.check_suite.head_branch",
].map(split);

// Identifiers, numbers, SHAs and fixed strings: no shell metacharacters possible.
const SAFE_EXACT = new Set([
  "github.sha",
  "github.run_id",
  "github.run_number",
  "github.run_attempt",
  "github.repository",
  "github.repository_id",
  "github.repository_owner",
  "github.repository_owner_id",
  "github.actor",
  "github.actor_id",
  "github.triggering_actor",
  "github.event_name",
  "github.workflow",
  "github.job",
  "github.action",
  "github.action_path",
  "github.workspace",
  "github.server_url",
  "github.api_url",
  "github.graphql_url",
  "github.base_ref",
  "github.token",
  "github.retention_days",
  "github.event.number",
  "github.event.action",
  "github.event.pull_request.merged",
  "github.event.pull_request.draft",
  "github.event.pull_request.state",
  "github.event.pull_request.user.login",
  "github.event.sender.login",
  "github.event.repository.full_name",
  "github.event.repository.name",
  "github.event.repository.default_branch",
  "github.event.pull_request.base.ref",
  "github.event.workflow_run.conclusion",
  "github.event.workflow_run.event",
  "github.event.workflow_run.status",
  "github.event.issue.pull_request",
  "github.event.label.name",
]);
const SAFE_LEAVES = new Set([
  "number",
  "id",
  "node_id",
  "sha",
  "run_id",
  "run_number",
  "run_attempt",
  "created_at",
  "updated_at",
  "merged_at",
  "closed_at",
  "html_url",
  "url",
  "author_association",
]);
const SAFE_ROOTS = new Set(["secrets", "runner", "strategy", "vars", "job"]);
const RISKY_LEAVES = new Set([
  "body",
  "title",
  "message",
  "name",
  "email",
  "label",
  "ref",
  "head_ref",
  "head_branch",
  "default_branch",
  "page_name",
  "description",
  "display_title",
]);

function split(path: string): string[] {
  return path
    .toLowerCase()
    .split(COMPUTED_INDEX)
    .join(".*")
    .split(".")
    .filter((s) => s !== "");
}

function segMatch(seg: string, pat: string): boolean {
  return pat === seg || pat === "*" || seg === "*" || /^\d+$/.test(seg);
}

/** Path equals, is a parent of (e.g. `toJSON(github.event)`), or is inside a listed attacker path. */
function onAttackerList(segs: string[]): boolean {
  return ATTACKER.some((pat) => {
    const n = Math.min(pat.length, segs.length);
    for (let i = 0; i < n; i++) if (!segMatch(segs[i]!, pat[i]!)) return false;
    return true;
  });
}

/** Declared types of a workflow's `workflow_dispatch` inputs (lower-case name → type). */
export type InputTypes = ReadonlyMap<string, string>;

// Input types whose values are fixed shapes (true/false, a number, one of the listed options,
// an environment name): no attacker text fits in them, whatever the input is called.
const FIXED_INPUT_TYPES = new Set(["boolean", "number", "choice", "environment"]);

/**
 * `inputs.X` / `github.event.inputs.X`: decided by the declared type, never by the name.
 * A dispatch input typed string carries free text (medium: dispatching needs write access);
 * an undeclared input is unknown here (workflow_call inputs are judged by their callers).
 */
function classifyInput(name: string, types: InputTypes | undefined): TaintVerdict {
  const type = types?.get(name);
  if (type === undefined) return { taint: "unknown", confidence: "medium" };
  if (FIXED_INPUT_TYPES.has(type)) return { taint: "safe", confidence: "high" };
  return { taint: "attacker", confidence: "medium" };
}

export function classifyContext(path: string, inputTypes?: InputTypes): TaintVerdict {
  const segs = split(path);
  const joined = segs.join(".");
  const root = segs[0] ?? "";
  if (root === "inputs" && segs.length >= 2) return classifyInput(segs[1]!, inputTypes);
  if (root === "github" && segs[1] === "event" && segs[2] === "inputs") {
    if (segs.length < 4) return { taint: "unknown", confidence: "medium" };
    return classifyInput(segs[3]!, inputTypes);
  }
  if (SAFE_EXACT.has(joined) || SAFE_ROOTS.has(root)) return { taint: "safe", confidence: "high" };
  if (root !== "github") return { taint: "unknown", confidence: "medium" };
  const leaf = segs[segs.length - 1] ?? "";
  if (segs.length > 2 && SAFE_LEAVES.has(leaf)) return { taint: "safe", confidence: "high" };
  if (onAttackerList(segs)) return { taint: "attacker", confidence: "high" };
  if (segs[1] === "event" && RISKY_LEAVES.has(leaf)) return { taint: "attacker", confidence: "medium" };
  return { taint: "unknown", confidence: "medium" };
}

export function isAttackerControlled(path: string): boolean {
  return classifyContext(path).taint === "attacker";
}
