import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { noDependencyUpdates } from "./no-dependency-updates";

describe("no-dependency-updates", () => {
  it("passes on scorecard's dependabot.yml and prisma's .github/renovate.json", () => {
    expect(noDependencyUpdates.run(fixtureFacts("ossf__scorecard"), ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/dependabot.yml" }],
    });
    expect(noDependencyUpdates.run(fixtureFacts("prisma__prisma"), ctx).status).toBe("pass");
    expect(
      noDependencyUpdates.run(
        inlineFacts({ "package.json": '{"name":"x",\n"renovate": {"extends": ["config:recommended"]}}' }),
        ctx,
      ),
    ).toMatchObject({ status: "pass", evidence: [{ line: 2 }] });
  });
  it("fails when neither is configured, or dependabot declares nothing", () => {
    const o = noDependencyUpdates.run(fixtureFacts("pallets__flask"), ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.remediation).toContain("package-ecosystem");
    expect(
      noDependencyUpdates.run(inlineFacts({ ".github/dependabot.yml": "version: 2\n" }), ctx).status,
    ).toBe("fail");
  });
});
