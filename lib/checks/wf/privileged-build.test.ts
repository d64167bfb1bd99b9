import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { privilegedBuild } from "./privileged-build";

const k8s = (name: string) => readFileSync(path.join(__dirname, "..", "__fixtures__", name), "utf8");

const wf = (jobs: string) => `on: push\njobs:\n${jobs}`;

describe("privileged-build", () => {
  it("flags privileged/docker.sock in k8s, job container options and docker run", () => {
    const facts = inlineFacts({
      "k8s/risky.yaml": k8s("k8s-risky.yaml"),
      ".github/workflows/ci.yml": wf(
        "  b:\n    runs-on: ubuntu-latest\n    container:\n      image: x@sha256:" +
          "d".repeat(64) +
          "\n      options: --privileged\n    steps:\n      - run: docker run -v /var/run/docker.sock:/var/run/docker.sock img\n",
      ),
    });
    const o = privilegedBuild.run(facts, ctx);
    expect(o.status).toBe("fail");
    const msgs = o.findings.map((f) => f.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/container runs with --privileged/),
        expect.stringMatching(/mounts the Docker socket/),
        expect.stringMatching(/DaemonSet builder mounts \/var\/run\/docker.sock/),
        expect.stringMatching(/container dind is privileged/),
        expect.stringMatching(
          /CronJob nightly container job does not set runAsNonRoot: true \(explicitly false\)/,
        ),
      ]),
    );
    expect(
      o.findings.find((f) => /init does not set allowPrivilegeEscalation/.test(f.message))?.severity,
    ).toBe("medium");
  });
  it("passes a hardened Deployment and scorecard's workflows", () => {
    expect(privilegedBuild.run(inlineFacts({ "k8s/api.yaml": k8s("k8s-hardened.yaml") }), ctx).status).toBe(
      "pass",
    );
    expect(privilegedBuild.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
  });
});
