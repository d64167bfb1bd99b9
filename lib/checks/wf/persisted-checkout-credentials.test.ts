import { describe, expect, it } from "vitest";
import { persistedCheckoutCredentials } from "./persisted-checkout-credentials";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("persisted-checkout-credentials", () => {
  it("fails when the job uploads artifacts after a default checkout", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      job(
        "      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n",
      ),
    );
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.confidence).toBe("high");
  });

  it("fails in a privileged job that runs pull-request code after a default checkout", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      `on: pull_request_target
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm test
`,
    );
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.message).toContain("untrusted code");
  });

  it("passes with persist-credentials: false", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      job(
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@v4\n",
      ),
    );
    expect(o.status).toBe("pass");
  });
});
