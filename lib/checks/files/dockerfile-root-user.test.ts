import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { dockerfileRootUser } from "./dockerfile-root-user";

describe("dockerfile-root-user", () => {
  it("goat's node:18 image without USER fails (medium confidence); USER root fails (high)", () => {
    const o = dockerfileRootUser.run(fixtureFacts("step-security__github-actions-goat"), ctx);
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ confidence: "medium", evidence: { file: "Dockerfile", line: 1 } }],
    });
    const root = dockerfileRootUser.run(
      inlineFacts({ "api/Dockerfile": "FROM a AS b\nUSER app\nFROM b\nUSER 0:0\n" }),
      ctx,
    );
    expect(root.findings[0]).toMatchObject({ confidence: "high", evidence: { line: 4 } });
  });
  it("passes scorecard's chainguard base, a USER inherited from an earlier stage, and is n/a without Dockerfiles", () => {
    expect(dockerfileRootUser.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(
      dockerfileRootUser.run(
        inlineFacts({ Dockerfile: "FROM a AS base\nUSER 10001\nFROM base\nCMD x\n" }),
        ctx,
      ),
    ).toMatchObject({ status: "pass", evidence: [{ line: 2 }] });
    expect(dockerfileRootUser.run(inlineFacts({}), ctx).status).toBe("not-applicable");
  });
  it("an unparsable or unfetched Dockerfile makes the check unknown, never a pass", () => {
    expect(dockerfileRootUser.run(inlineFacts({ Dockerfile: "RUN x\n" }), ctx).status).toBe("unknown");
    expect(dockerfileRootUser.run(inlineFacts({ Dockerfile: null }), ctx).status).toBe("unknown");
  });
});
