import { describe, expect, it } from "vitest";
import { runOn } from "../test-kit";
import { impostorCommit } from "./impostor-commit";

const SHA = "a".repeat(40);
const WF = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/setup@${SHA} # v1.2.0
`;
const repo = (reachable: boolean | null) => ({
  actionRepos: { "acme/setup": { archived: false, commits: { [SHA]: reachable }, tags: {} } },
});

describe("impostor-commit", () => {
  it("fails on a pinned commit no branch or tag reaches", () => {
    const o = runOn(impostorCommit, WF, repo(false));
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain("not reachable from any branch or tag of acme/setup");
    expect(o.findings[0]?.evidence).toMatchObject({ kind: "file", line: 6 });
  });

  it("passes when the commit belongs to the repository", () => {
    expect(runOn(impostorCommit, WF, repo(true)).status).toBe("pass");
  });

  it("is unknown offline and when reachability was undecided, never a pass", () => {
    const offline = runOn(impostorCommit, WF);
    expect(offline.status).toBe("unknown");
    expect(offline.reason).toContain("--github-token");
    expect(runOn(impostorCommit, WF, repo(null)).reason).toContain(`acme/setup@${SHA.slice(0, 12)}`);
  });

  it("ignores tag pins and local actions", () => {
    const wf = WF.replace(`acme/setup@${SHA} # v1.2.0`, "./.github/actions/x");
    expect(runOn(impostorCommit, wf, repo(false)).status).toBe("not-applicable");
  });
});
