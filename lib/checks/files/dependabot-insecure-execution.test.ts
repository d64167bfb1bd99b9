import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { dependabotInsecureExecution } from "./dependabot-insecure-execution";

const config = (extra: string) => `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule: { interval: weekly }
  - package-ecosystem: pip
    directory: /py
    schedule: { interval: weekly }
${extra}`;

describe("dependabot-insecure-execution", () => {
  it("fails an ecosystem that allows insecure external code execution, at its line", () => {
    const o = dependabotInsecureExecution.run(
      inlineFacts({ ".github/dependabot.yml": config("    insecure-external-code-execution: allow\n") }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.evidence).toMatchObject({ file: ".github/dependabot.yml", line: 9 });
    expect(o.findings[0]?.message).toContain("pip");
  });
  it("passes deny and the default, is not-applicable without dependabot and unknown when unparsable", () => {
    const run = (files: Record<string, string | null>) =>
      dependabotInsecureExecution.run(inlineFacts(files), ctx).status;
    expect(run({ ".github/dependabot.yml": config("    insecure-external-code-execution: deny\n") })).toBe(
      "pass",
    );
    expect(run({ ".github/dependabot.yml": config("") })).toBe("pass");
    expect(run({ "README.md": "" })).toBe("not-applicable");
    expect(run({ ".github/dependabot.yml": "updates: [\n" })).toBe("unknown");
  });
});
