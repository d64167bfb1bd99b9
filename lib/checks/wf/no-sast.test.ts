import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts } from "../test-kit";
import { noSast } from "./no-sast";

describe("no-sast", () => {
  it("passes on scorecard's CodeQL, fails on the goat", () => {
    expect(noSast.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(
      noSast.run(fixtureFacts("step-security__github-actions-goat"), ctx).findings[0]?.remediation,
    ).toContain("github/codeql-action/analyze");
  });
});
