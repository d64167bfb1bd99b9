import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { noSecretScan } from "./no-secret-scan";

const wf = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("no-secret-scan", () => {
  const noScan = { ".github/workflows/ci.yml": wf("      - run: make\n") };
  it("passes when GitHub secret scanning is on, or a CI scanner runs", () => {
    expect(noSecretScan.run(inlineFacts(noScan), ctx).status).toBe("pass");
    expect(
      noSecretScan.run(
        inlineFacts(
          { ".github/workflows/ci.yml": wf("      - run: gitleaks detect --redact\n") },
          { settings: null },
        ),
        ctx,
      ).status,
    ).toBe("pass");
  });
  it("fails when secret scanning is off and CI has no scanner; unknown when settings are not known", () => {
    const off = inlineFacts(noScan, {
      settings: {
        security: { secretScanning: false, secretScanningPushProtection: false, dependabotAlerts: true },
      },
    });
    expect(noSecretScan.run(off, ctx)).toMatchObject({
      status: "fail",
      findings: [
        { evidence: { kind: "api", field: "settings.security.secretScanning", value: false } },
        { evidence: { kind: "file" } },
      ],
    });
    expect(noSecretScan.run(inlineFacts(noScan, { settings: null }), ctx).status).toBe("unknown");
  });
});
