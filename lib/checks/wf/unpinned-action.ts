import type { CheckDefinition } from "../types";
import { finding, at } from "../evidence";
import { resolvedSha, rewriteUses, usesRefs } from "../support/uses-refs";
import { defineCheck } from "../define";

const GITHUB_OWNED = new Set(["actions", "github"]);

export const unpinnedAction: CheckDefinition = defineCheck({
  id: "unpinned-action",
  title: "Actions are pinned to a full commit SHA",
  category: "supply-chain",
  severity: "high",
  from: ["wf"],
  rationale:
    "Tags and branches of an action can be moved by whoever controls its repository (tj-actions/changed-files, March 2025): a SHA pin is the only reference that cannot change under you.",
  remediation:
    "Replace every `uses: owner/repo@<tag>` with `uses: owner/repo@<40-hex-sha> # <tag>` and let Dependabot or Renovate keep the pins current.",
  input: "workflows",
  run(workflows, facts) {
    const refs = usesRefs(workflows);
    if (refs.length === 0)
      return { findings: [], notApplicable: "No workflow uses an action from another repository." };
    const findings = refs
      .filter((u) => !u.isSha)
      .map((u) => {
        const owned = GITHUB_OWNED.has(u.owner.toLowerCase());
        const sha = resolvedSha(facts.actionRefShas, u);
        const what =
          u.ref === ""
            ? `\`${u.name}\` has no ref at all`
            : /^[0-9a-f]{7,39}$/i.test(u.ref)
              ? `\`${u.name}@${u.ref}\` uses a short SHA, which can collide`
              : `\`${u.name}@${u.ref}\` follows a movable ref`;
        const remediation = sha
          ? `Change line ${u.value.pos.line} to:\n${rewriteUses(u, sha, u.ref)}`
          : `Change line ${u.value.pos.line} to \`${rewriteUses(u, "<sha>", u.ref || "<tag>").trim()}\`, where <sha> is the commit \`${u.ref || "<tag>"}\` points to (\`git ls-remote https://github.com/${u.ownerRepo} ${u.ref ? `refs/tags/${u.ref}` : "HEAD"}\`, or \`gh api repos/${u.ownerRepo}/commits/${u.ref || "HEAD"} --jq .sha\`).`;
        return finding(
          `${what}${owned ? " (GitHub-owned action)" : ""}.`,
          at(u.wf, u.value.pos),
          remediation,
          "high",
          owned ? "medium" : undefined,
        );
      });
    return { findings };
  },
});
