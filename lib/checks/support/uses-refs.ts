// Every `uses:` of another repository in the workflows, split into name, ref and the
// version comment that usually follows a SHA pin (`@<sha> # v4.1.2`).
import type { ScalarValue, Workflow } from "../../analyzers/workflow/model";

export interface UsesRef {
  wf: Workflow;
  value: ScalarValue;
  /** owner/repo[/path] as written. */
  name: string;
  ownerRepo: string;
  owner: string;
  ref: string;
  isSha: boolean;
  /** Text of a trailing `# comment` on the same line, e.g. "v4.1.2". */
  comment?: string;
}

export const FULL_SHA = /^[0-9a-f]{40}$/i;

// Five checks ask for the same references: they are split once per parsed workflow
// (a WeakMap, like tool-index.ts) and shared read-only; each caller gets its own array.
export const refsByWorkflow = new WeakMap<Workflow, readonly UsesRef[]>();

export function usesRefs(workflows: readonly Workflow[]): UsesRef[] {
  const out: UsesRef[] = [];
  for (const wf of workflows) {
    let refs = refsByWorkflow.get(wf);
    if (!refs) {
      refs = workflowUsesRefs(wf);
      refsByWorkflow.set(wf, refs);
    }
    for (const u of refs) out.push(u);
  }
  return out;
}

function workflowUsesRefs(wf: Workflow): UsesRef[] {
  const out: UsesRef[] = [];
  const values: ScalarValue[] = [];
  for (const job of wf.jobs) {
    if (job.uses) values.push(job.uses);
    for (const s of job.steps) if (s.uses) values.push(s.uses);
  }
  for (const value of values) {
    const v = value.value.trim();
    if (v.startsWith("./") || v.startsWith(".\\") || v.startsWith("docker://")) continue;
    const at = v.lastIndexOf("@");
    const name = at >= 0 ? v.slice(0, at) : v;
    const ref = at >= 0 ? v.slice(at + 1) : "";
    const parts = name.split("/");
    const owner = parts[0] ?? "";
    const line = wf.lines[value.pos.line - 1] ?? "";
    const hash = line.indexOf(" #");
    const comment = hash >= 0 ? line.slice(hash + 2).trim() : undefined;
    const u: UsesRef = {
      wf,
      value,
      name,
      ownerRepo: parts.slice(0, 2).join("/"),
      owner,
      ref,
      isSha: FULL_SHA.test(ref),
    };
    if (comment) u.comment = comment;
    out.push(u);
  }
  return out;
}

/** The `uses:` source line with the reference replaced (indentation and `- ` kept). */
export function rewriteUses(u: UsesRef, newRef: string, comment?: string): string {
  const line = u.wf.lines[u.value.pos.line - 1] ?? `uses: ${u.value.value}`;
  const noComment = line.replace(/\s+#.*$/, "");
  const replaced = noComment.includes(u.value.value)
    ? noComment.replace(u.value.value, `${u.name}@${newRef}`)
    : `uses: ${u.name}@${newRef}`;
  return comment ? `${replaced} # ${comment}` : replaced;
}

export function resolvedSha(shas: Record<string, string> | undefined, u: UsesRef): string | undefined {
  if (!shas) return undefined;
  for (const key of [
    `${u.name}@${u.ref}`,
    `${u.ownerRepo}@${u.ref}`,
    `${u.name.toLowerCase()}@${u.ref}`,
    `${u.ownerRepo.toLowerCase()}@${u.ref}`,
  ]) {
    const sha = shas[key];
    if (sha && FULL_SHA.test(sha)) return sha.toLowerCase();
  }
  return undefined;
}
