import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { longLivedPublishToken } from "./long-lived-publish-token";

const wf = (steps: string) => `on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
${steps}`;

describe("long-lived-publish-token", () => {
  it("fails npm publish with NODE_AUTH_TOKEN from a secret", () => {
    const o = runOn(
      longLivedPublishToken,
      wf("      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n"),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([8]);
    expect(o.findings[0]?.message).toContain("npm");
  });
  it("fails PyPI with a password, cargo with CARGO_REGISTRY_TOKEN and gem push with an API key", () => {
    expect(
      runOn(
        longLivedPublishToken,
        wf(
          "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ secrets.PYPI_TOKEN }}\n",
        ),
      ).status,
    ).toBe("fail");
    expect(
      runOn(
        longLivedPublishToken,
        wf(
          "      - run: cargo publish\n        env:\n          CARGO_REGISTRY_TOKEN: ${{ secrets.CRATES }}\n",
        ),
      ).status,
    ).toBe("fail");
    expect(
      runOn(
        longLivedPublishToken,
        wf(
          "      - run: gem push *.gem\n        env:\n          GEM_HOST_API_KEY: ${{ secrets.RUBYGEMS }}\n",
        ),
      ).status,
    ).toBe("fail");
  });
  it("passes trusted publishing and GitHub Packages with the job token", () => {
    expect(
      runOn(longLivedPublishToken, wf("      - uses: pypa/gh-action-pypi-publish@release/v1\n")).status,
    ).toBe("pass");
    expect(
      runOn(
        longLivedPublishToken,
        wf(
          "      - run: npm publish --registry https://npm.pkg.github.com\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n",
        ),
      ).status,
    ).toBe("pass");
  });
  it("is not-applicable when nothing is published to those registries", () => {
    expect(runOn(longLivedPublishToken, wf("      - run: make\n")).status).toBe("not-applicable");
  });
});
