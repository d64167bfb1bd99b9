import { describe, expect, it } from "vitest";
import { deployWithoutEnvironment, rebuildOnDeploy } from "./deploy-checks";
import { excessivePermissions } from "./excessive-permissions";
import { cachePoisoning, selfHostedRunner } from "./runners-cache";
import { lines, runOn } from "./test-kit";

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

describe("cache-poisoning", () => {
  const release = (cache: string) =>
    `on:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n${cache}      - run: npm ci && npm publish\n`;
  it("fails when a publishing job restores a cache", () => {
    const o = runOn(cachePoisoning, release("          cache: npm\n"));
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.confidence).toBe("medium");
  });
  it("passes without caches and is not-applicable without publishing", () => {
    expect(runOn(cachePoisoning, release("")).status).toBe("pass");
    expect(
      runOn(cachePoisoning, release("          cache: npm\n").replace("npm publish", "npm test")).status,
    ).toBe("not-applicable");
  });
});

describe("deploy-without-environment", () => {
  const deploy = (env: string) =>
    `on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n${env}    steps:\n      - run: terraform apply -auto-approve\n`;
  it("fails on a deploy command without environment", () => {
    const o = runOn(deployWithoutEnvironment, deploy(""));
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.remediation).toContain("environment: production");
  });
  it("passes with an environment; not-applicable with no deploy job", () => {
    expect(runOn(deployWithoutEnvironment, deploy("    environment: production\n")).status).toBe("pass");
    expect(
      runOn(deployWithoutEnvironment, deploy("").replace("terraform apply -auto-approve", "terraform plan"))
        .status,
    ).toBe("not-applicable");
  });
});

describe("rebuild-on-deploy", () => {
  const wf = (deploySteps: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment: production
    steps:
${deploySteps}`;
  it("fails when the production job builds again", () => {
    const o = runOn(
      rebuildOnDeploy,
      wf(
        "      - run: docker build -t app . && docker push app\n      - run: kubectl set image deploy/app app=app\n",
      ),
    );
    expect(lines(o)).toEqual([12]);
  });
  it("passes when the production job deploys the built digest; n/a without production jobs", () => {
    expect(
      runOn(
        rebuildOnDeploy,
        wf("      - run: kubectl set image deploy/app app=app@${{ needs.build.outputs.digest }}\n"),
      ).status,
    ).toBe("pass");
    expect(
      runOn(rebuildOnDeploy, wf("      - run: docker build .\n").replace("production", "staging")).status,
    ).toBe("not-applicable");
  });
});
