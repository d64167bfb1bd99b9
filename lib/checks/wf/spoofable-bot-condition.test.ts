import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { spoofableBotCondition } from "./spoofable-bot-condition";

const wf = (on: string, cond: string) => `on: ${on}
jobs:
  automerge:
    if: ${cond}
    runs-on: ubuntu-latest
    steps:
      - run: gh pr merge --auto "$PR"
`;

describe("spoofable-bot-condition", () => {
  it("fails an actor-name check on pull_request_target", () => {
    const o = runOn(spoofableBotCondition, wf("pull_request_target", "github.actor == 'dependabot[bot]'"));
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([4]);
    expect(o.findings[0]?.confidence).toBe("high");
  });
  it("fails triggering_actor in braces on workflow_run, user logins at medium confidence", () => {
    expect(
      runOn(spoofableBotCondition, wf("workflow_run", "${{ github.triggering_actor == 'renovate[bot]' }}"))
        .status,
    ).toBe("fail");
    const o = runOn(spoofableBotCondition, wf("issue_comment", "github.actor == 'octocat'"));
    expect(o.findings[0]?.confidence).toBe("medium");
  });
  it("fails a comparison of the actor's numeric ID, dotted or indexed, quoted or not", () => {
    // 49699333 is dependabot[bot]'s account ID: the ID names the actor as the login does.
    for (const cond of [
      "github.actor_id == 49699333",
      "github['ACTOR_ID'] == 49699333",
      "${{ github.actor_id == '49699333' }}",
    ]) {
      const o = runOn(spoofableBotCondition, wf("pull_request_target", cond));
      expect(o.status, cond).toBe("fail");
      expect(lines(o)).toEqual([4]);
      expect(o.findings[0]?.confidence, cond).toBe("high");
    }
    const indexed = runOn(
      spoofableBotCondition,
      wf("pull_request_target", "github['actor'] == 'renovate[bot]'"),
    );
    expect(indexed.findings[0]?.confidence).toBe("high");
    const user = runOn(spoofableBotCondition, wf("pull_request_target", "github.actor_id == 583231"));
    expect(user.findings[0]?.confidence).toBe("medium");
  });
  it("passes the event's verified author field, and unprivileged triggers", () => {
    expect(
      runOn(
        spoofableBotCondition,
        wf("pull_request_target", "github.event.pull_request.user.login == 'dependabot[bot]'"),
      ).status,
    ).toBe("pass");
    expect(runOn(spoofableBotCondition, wf("pull_request", "github.actor == 'dependabot[bot]'")).status).toBe(
      "not-applicable",
    );
  });
});
