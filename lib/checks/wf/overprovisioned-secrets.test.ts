import { describe, expect, it } from "vitest";
import { overprovisionedSecrets } from "./overprovisioned-secrets";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("overprovisioned-secrets", () => {
  it("fails on toJSON(secrets) and computed indexes", () => {
    const o = runOn(
      overprovisionedSecrets,
      job(
        "      - run: ./deploy\n        env:\n          ALL: ${{ toJSON(secrets) }}\n          ONE: ${{ secrets[format('{0}_KEY', matrix.env)] }}\n",
      ),
    );
    expect(lines(o)).toEqual([8, 9]);
  });
  it("passes on named secrets", () => {
    expect(
      runOn(
        overprovisionedSecrets,
        job("      - run: ./deploy\n        env:\n          K: ${{ secrets.KEY }}\n"),
      ).status,
    ).toBe("pass");
  });
});
