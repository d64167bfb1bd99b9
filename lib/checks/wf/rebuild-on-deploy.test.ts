import { describe, expect, it } from "vitest";
import { rebuildOnDeploy } from "./rebuild-on-deploy";
import { lines, runOn } from "../test-kit";

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
