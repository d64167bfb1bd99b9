import { describe, expect, it } from "vitest";
import { deployWithoutEnvironment } from "./deploy-without-environment";
import { lines, runOn } from "../test-kit";

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
