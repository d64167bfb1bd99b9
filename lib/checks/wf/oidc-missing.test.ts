import { describe, expect, it } from "vitest";
import { oidcMissing } from "./oidc-missing";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("oidc-missing", () => {
  it("fails on key-fed logins for each cloud", () => {
    const o = runOn(
      oidcMissing,
      job(`      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
      - uses: azure/login@v2
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`),
    );
    expect(lines(o)).toEqual([8, 11]);
    expect(o.findings[0]!.remediation).toContain("workload_identity_provider");
  });

  it("passes with OIDC and is not-applicable with no cloud login", () => {
    expect(
      runOn(
        oidcMissing,
        job(
          "      - uses: azure/login@v2\n        with:\n          client-id: x\n          tenant-id: y\n          subscription-id: z\n",
        ),
      ).status,
    ).toBe("pass");
    expect(runOn(oidcMissing, job("      - run: make\n")).status).toBe("not-applicable");
  });
});
