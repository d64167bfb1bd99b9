import { describe, expect, it } from "vitest";
import { staticCloudCredentials } from "./static-cloud-credentials";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("static-cloud-credentials", () => {
  const awsKeys = job(`      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
`);
  it("fails on workflows reading AWS keys, citing the lines", () => {
    const o = runOn(staticCloudCredentials, awsKeys);
    expect(o.status).toBe("fail");
    expect(lines(o)).toContain(9);
  });

  it("fails on stored secret names even without workflows (settings side)", () => {
    const o = runOn(staticCloudCredentials, "", {
      files: [],
      settings: { secrets: [{ name: "AZURE_CREDENTIALS", scope: "organization", updatedAt: null }] },
    });
    expect(o.status).toBe("fail");
    expect(o.findings[0]!.evidence).toMatchObject({ kind: "api", value: "AZURE_CREDENTIALS" });
  });

  it("passes on OIDC logins with safe secret names", () => {
    const o = runOn(
      staticCloudCredentials,
      job(
        "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::1:role/x\n",
      ),
    );
    expect(o.status).toBe("pass");
  });

  it("is not-applicable without workflows and without known secret names", () => {
    expect(runOn(staticCloudCredentials, "", { files: [], settings: null }).status).toBe("not-applicable");
  });
});
