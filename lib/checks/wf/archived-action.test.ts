import { describe, expect, it } from "vitest";
import { runOn } from "../test-kit";
import { archivedAction } from "./archived-action";

const WF = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/old-action@v2
      - uses: acme/setup@v1
`;
const repos = (oldArchived: boolean | null) => ({
  actionRepos: {
    "acme/old-action": { archived: oldArchived, commits: {}, tags: {} },
    "acme/setup": { archived: false, commits: {}, tags: {} },
  },
});

describe("archived-action", () => {
  it("fails on an action whose repository is archived, naming only that one", () => {
    const o = runOn(archivedAction, WF, repos(true));
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => f.message)).toEqual([
      "acme/old-action is archived: `acme/old-action` gets no more security fixes.",
    ]);
  });

  it("passes when every action repository is live", () => {
    expect(runOn(archivedAction, WF, repos(false)).status).toBe("pass");
  });

  it("is unknown offline or when a repository could not be read", () => {
    expect(runOn(archivedAction, WF).status).toBe("unknown");
    expect(runOn(archivedAction, WF, repos(null)).reason).toContain("acme/old-action");
  });
});
