import { describe, expect, it } from "vitest";
import { actionRepoWants, actionReposFor } from "./action-repos";

const SHA = "A".repeat(40);

describe("actionRepoWants", () => {
  it("collects pinned SHAs (lower case) and commented tags per action repository, once each", () => {
    const text = `jobs:
  a:
    steps:
      - uses: Octo/Setup@${SHA} # v1.2.0
      - uses: octo/setup/sub@${SHA}   # tag=v1.2.0
      - uses: "octo/other@v3"
      - uses: ./local
  b:
    uses: octo/wf/.github/workflows/x.yml@${"b".repeat(40)} # pinned by hand
`;
    const wants = actionRepoWants([
      { path: ".github/workflows/ci.yml", text },
      { path: "docs/not-a-workflow.yml", text: `- uses: evil/x@${SHA}` },
    ]);
    expect(
      Object.fromEntries([...wants].map(([k, w]) => [k, { shas: [...w.shas], tags: [...w.tags] }])),
    ).toEqual({
      "octo/setup": { shas: [SHA.toLowerCase()], tags: ["v1.2.0"] },
      "octo/other": { shas: [], tags: [] },
      "octo/wf": { shas: ["b".repeat(40)], tags: [] },
    });
  });

  it("gives each repository only the SHAs and tags its own workflows name", () => {
    const resolved = {
      "octo/setup": {
        archived: false,
        commits: { a: true, b: false },
        tags: { "v1.0.0": "a", "v2.0.0": "c" },
      },
    };
    const wants = new Map([["octo/setup", { shas: new Set(["b"]), tags: new Set(["v2.0.0"]) }]]);
    expect(actionReposFor(resolved, wants)).toEqual({
      "octo/setup": { archived: false, commits: { b: false }, tags: { "v2.0.0": "c" } },
    });
  });
});
