import { describe, expect, it } from "vitest";
import { excessivePermissions } from "./excessive-permissions";
import { lines, runOn } from "../test-kit";

describe("excessive-permissions", () => {
  const pagesNoPerms = `on: push
jobs:
  pages:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/upload-pages-artifact@v3
      - uses: actions/deploy-pages@v4
`;
  it("fails on write-all with a minimal block derived from the steps", () => {
    const o = runOn(
      excessivePermissions,
      `on: push\npermissions: write-all\njobs:\n  rel:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: softprops/action-gh-release@v2\n      - uses: actions/attest-build-provenance@v2\n`,
    );
    expect(lines(o)).toEqual([2]);
    expect(o.findings[0]!.remediation).toContain(
      "permissions:\n  contents: write\n  attestations: write\n  id-token: write",
    );
  });

  it("fails when nothing is declared and the default token is write, suggesting pages scopes", () => {
    const o = runOn(excessivePermissions, pagesNoPerms, {
      settings: {
        actions: {
          enabled: true,
          allowedActions: "all",
          defaultWorkflowPermissions: "write",
          canApprovePullRequestReviews: false,
        },
      },
    });
    expect(o.status).toBe("fail");
    expect(o.findings[0]!.remediation).toContain("contents: read\n  id-token: write\n  pages: write");
  });

  it("uses the org default when the repo's is unknown, and is unknown when neither is known", () => {
    const orgWrite = runOn(excessivePermissions, pagesNoPerms, {
      settings: { actions: null },
      org: {
        actions: {
          enabled: true,
          allowedActions: "all",
          defaultWorkflowPermissions: "write",
          canApprovePullRequestReviews: null,
        },
      },
    });
    expect(orgWrite.status).toBe("fail");
    expect(runOn(excessivePermissions, pagesNoPerms, { settings: null, org: null }).status).toBe("unknown");
  });

  it("passes with a read default, or with declared permissions whatever the default", () => {
    expect(runOn(excessivePermissions, pagesNoPerms).status).toBe("pass");
    const declared = pagesNoPerms.replace("jobs:", "permissions:\n  contents: read\njobs:");
    expect(runOn(excessivePermissions, declared, { settings: null, org: null }).status).toBe("pass");
  });

  it("flags write-all on a job", () => {
    const o = runOn(
      excessivePermissions,
      `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: gh pr comment 1 --body hi\n`,
    );
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.remediation).toContain("pull-requests: write");
  });
});

describe("excessive-permissions with an empty permissions key", () => {
  const wf = (perms: string) => `on: push
permissions:${perms}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;
  it("reads `permissions:` with no value as no permissions, not write-all", () => {
    expect(runOn(excessivePermissions, wf("")).status).toBe("pass");
    expect(runOn(excessivePermissions, wf(" ~")).status).toBe("pass");
  });
  it("still fails write-all", () => {
    expect(runOn(excessivePermissions, wf(" write-all")).status).toBe("fail");
  });
});

describe("excessive-permissions: workflow-level write scopes", () => {
  const wf = (perms: string, jobs: string) => `on: push\npermissions:\n${perms}jobs:\n${jobs}`;
  const lint = "  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n";
  const release =
    "  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: softprops/action-gh-release@v2\n";

  it("fails when a job inheriting a workflow-level write scope shows no need for it", () => {
    const o = runOn(excessivePermissions, wf("  contents: write\n  packages: write\n", lint + release));
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => f.message)).toEqual([
      "Workflow-level `contents: write` is handed to job(s) lint, which show no need for it.",
      "Workflow-level `packages: write` is handed to job(s) lint, release, which show no need for it.",
    ]);
    expect(o.findings[0]!.confidence).toBe("medium");
    expect(lines(o)).toEqual([3, 3]);
  });

  it("passes when every inheriting job needs the scope, or declares its own permissions", () => {
    expect(runOn(excessivePermissions, wf("  contents: write\n", release)).status).toBe("pass");
    const own = lint.replace("    steps:", "    permissions:\n      contents: read\n    steps:");
    expect(runOn(excessivePermissions, wf("  contents: write\n", own + release)).status).toBe("pass");
    expect(runOn(excessivePermissions, wf("  contents: read\n", lint)).status).toBe("pass");
  });

  it("does not judge jobs that call a reusable workflow", () => {
    const call = "  call:\n    uses: ./.github/workflows/publish.yml\n";
    expect(runOn(excessivePermissions, wf("  packages: write\n", call)).status).toBe("pass");
  });
});
