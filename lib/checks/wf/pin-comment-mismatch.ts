import type { CheckDefinition, Finding } from "../types";
import { finding, at, api } from "../evidence";
import { rewriteUses, usesRefs } from "../support/uses-refs";
import { NOT_RESOLVED, actionRepoOf, commentTag } from "../support/action-repos";
import { defineCheck } from "../define";

// Dependabot and Renovate keep `@<sha> # v4.1.2` pairs in step; a hand edit (or a
// malicious one) can change the SHA and leave the comment, so reviewers read a version
// that is not the one that runs.

export const pinCommentMismatch: CheckDefinition = defineCheck({
  id: "pin-comment-mismatch",
  title: "Version comments match their SHA pins",
  category: "supply-chain",
  severity: "low",
  from: ["wf", "api"],
  rationale:
    "Reviewers trust the version comment beside a SHA pin; when the tag it names points elsewhere, the code that runs is not the version anyone reviewed.",
  remediation: "Set the SHA to the commit the commented tag points to, or correct the comment.",
  input: "workflows",
  run(workflows, facts) {
    const commented = usesRefs(workflows).flatMap((u) => {
      const tag = u.isSha ? commentTag(u.comment) : undefined;
      return tag ? [{ u, tag }] : [];
    });
    if (commented.length === 0)
      return { findings: [], notApplicable: "No SHA pin carries a version comment." };
    if (!facts.actionRepos) return { findings: [], unknown: NOT_RESOLVED };
    const findings: Finding[] = [];
    const unread = new Set<string>();
    for (const { u, tag } of commented) {
      const tags = actionRepoOf(facts, u)?.tags;
      if (!tags || !(tag in tags)) {
        unread.add(`${u.ownerRepo}@${tag}`);
        continue;
      }
      const sha = tags[tag] ?? null;
      if (sha === null)
        findings.push(
          finding(
            `\`${u.name}@${u.ref.slice(0, 12)}\` is commented ${tag}, but ${u.ownerRepo} has no tag ${tag}.`,
            at(u.wf, u.value.pos),
            `Correct the comment to the release this commit belongs to, or pin the release you meant.`,
            "medium",
          ),
        );
      else if (sha !== u.ref.toLowerCase())
        findings.push(
          finding(
            `\`${u.name}@${u.ref.slice(0, 12)}\` is commented ${tag}, but ${tag} points to ${sha.slice(0, 12)}.`,
            at(u.wf, u.value.pos),
            `Change line ${u.value.pos.line} to:\n${rewriteUses(u, sha, tag)}\n(or correct the comment if the pinned commit is the one you want).`,
          ),
        );
    }
    return {
      findings,
      ...(unread.size ? { unknown: `Could not read these tags: ${[...unread].join(", ")}.` } : {}),
      evidence: commented.map(({ u, tag }) =>
        api(`repos/${u.ownerRepo}/tags/${tag}`, actionRepoOf(facts, u)?.tags[tag] ?? null),
      ),
    };
  },
});
