import { describe, expect, it } from "vitest";
import { selfHostedRunner } from "./self-hosted-runner";
import { lines, runOn } from "../test-kit";

describe("self-hosted-runner", () => {
  const sh = (on: string) =>
    `on: ${on}\njobs:\n  a:\n    runs-on: [self-hosted, linux]\n    steps: [{run: make}]\n`;
  it("fails on pull_request triggers and in public repositories", () => {
    expect(runOn(selfHostedRunner, sh("pull_request")).status).toBe("fail");
    const pub = runOn(selfHostedRunner, sh("push"), { visibility: "public" });
    expect(pub.status).toBe("fail");
    expect(lines(pub)).toEqual([4]);
  });
  it("passes for private push-only workflows and GitHub-hosted runners, unknown without visibility", () => {
    expect(runOn(selfHostedRunner, sh("push")).status).toBe("pass");
    expect(
      runOn(selfHostedRunner, sh("pull_request").replace("[self-hosted, linux]", "ubuntu-latest"), {
        visibility: "public",
      }).status,
    ).toBe("pass");
    expect(runOn(selfHostedRunner, sh("push"), { visibility: null }).status).toBe("unknown");
  });
  it("expands runs-on templates from the matrix", () => {
    const m = `on: pull_request\njobs:\n  a:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, self-hosted]\n    steps: [{run: make}]\n`;
    expect(runOn(selfHostedRunner, m).findings[0]!.confidence).toBe("high");
    expect(
      runOn(
        selfHostedRunner,
        m.replace("${{ matrix.os }}", "${{ matrix.os }}-latest").replace("self-hosted]", "windows]"),
      ).status,
    ).toBe("pass");
  });
});
