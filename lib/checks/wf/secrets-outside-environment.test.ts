import { describe, expect, it } from "vitest";
import { makeEnvironment } from "../../../testing/facts";
import { secretsOutsideEnvironment } from "./secrets-outside-environment";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("secrets-outside-environment", () => {
  const envJob = job(
    "      - run: kubectl apply -f k8s/\n        env:\n          KUBECONFIG_DATA: ${{ secrets.KUBECONFIG }}\n",
    "    environment: production\n",
  );
  it("fails when a deploy job's secret is a repository secret", () => {
    const o = runOn(secretsOutsideEnvironment, envJob, {
      settings: {
        secrets: [{ name: "KUBECONFIG", scope: "repository", updatedAt: null }],
        environments: [makeEnvironment({ secretNames: [] })],
      },
    });
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.remediation).toContain("environment `production`");
  });

  it("passes when the secret is scoped to the job's environment", () => {
    const o = runOn(secretsOutsideEnvironment, envJob, {
      settings: { secrets: [], environments: [makeEnvironment({ secretNames: ["KUBECONFIG"] })] },
    });
    expect(o.status).toBe("pass");
  });

  it("is unknown when secrets/environments are not synced or the environment name is computed", () => {
    expect(runOn(secretsOutsideEnvironment, envJob, { settings: null }).status).toBe("unknown");
    expect(
      runOn(
        secretsOutsideEnvironment,
        envJob.replace("environment: production", "environment: ${{ inputs.env }}"),
      ).status,
    ).toBe("unknown");
  });

  it("fails (wf only) for a deploy job with no environment that reads secrets", () => {
    const o = runOn(
      secretsOutsideEnvironment,
      job(
        "      - run: helm upgrade --install api ./chart\n        env:\n          TOKEN: ${{ secrets.CLUSTER_TOKEN }}\n",
      ),
      { settings: null },
    );
    expect(o.status).toBe("fail");
  });

  it("is not-applicable when no deploy job reads secrets", () => {
    expect(
      runOn(
        secretsOutsideEnvironment,
        job("      - run: npm test\n        env:\n          T: ${{ secrets.CODECOV }}\n"),
      ).status,
    ).toBe("not-applicable");
  });
});
