import { describe, expect, it } from "vitest";
import { cachePoisoning } from "./cache-poisoning";
import { lines, runOn } from "../test-kit";

describe("cache-poisoning", () => {
  const release = (cache: string) =>
    `on:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n${cache}      - run: npm ci && npm publish\n`;
  it("fails when a publishing job restores a cache", () => {
    const o = runOn(cachePoisoning, release("          cache: npm\n"));
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.confidence).toBe("medium");
  });
  it("knows publisher actions whatever the case of their owner", () => {
    const wf = release("          cache: npm\n")
      .replace("tags: ['v*']", "branches: [main]")
      .replace("      - run: npm ci && npm publish\n", "      - uses: JS-DevTools/npm-publish@v3\n");
    expect(lines(runOn(cachePoisoning, wf))).toEqual([9]);
  });
  it("passes without caches and is not-applicable without publishing", () => {
    expect(runOn(cachePoisoning, release("")).status).toBe("pass");
    expect(
      runOn(
        cachePoisoning,
        release("          cache: npm\n")
          .replace("npm publish", "npm test")
          .replace("tags: ['v*']", "branches: [main]"),
      ).status,
    ).toBe("not-applicable");
  });
});

describe("cache-poisoning knows release triggers and setup-action caches", () => {
  const wf = (on: string, step: string) =>
    `on:\n${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${step}      - run: make dist\n`;
  const tags = "  push:\n    tags: ['v*']";
  const cases: Array<[string, string, string, "fail" | "pass"]> = [
    ["setup-go caches by default", tags, "      - uses: actions/setup-go@v5\n", "fail"],
    [
      "setup-go with cache: false",
      tags,
      "      - uses: actions/setup-go@v5\n        with:\n          cache: false\n",
      "pass",
    ],
    ["setup-node v5 package-manager-cache by default", tags, "      - uses: actions/setup-node@v5\n", "fail"],
    ["setup-node v4 without cache", tags, "      - uses: actions/setup-node@v4\n", "pass"],
    // A SHA pin's version comment tells the major that decides the default.
    [
      "setup-node v5 pinned by SHA, caching by default",
      tags,
      "      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0\n",
      "fail",
    ],
    [
      "setup-node v4 pinned by SHA",
      tags,
      "      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0\n",
      "pass",
    ],
    // setup-uv caches by default on GitHub-hosted runners since v5.
    ["setup-uv v5 caches by default", tags, "      - uses: astral-sh/setup-uv@v5\n", "fail"],
    ["setup-uv v4 without enable-cache", tags, "      - uses: astral-sh/setup-uv@v4\n", "pass"],
    [
      "setup-uv enable-cache: auto",
      tags,
      "      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: auto\n",
      "fail",
    ],
    [
      "setup-uv enable-cache by an unknown expression",
      tags,
      "      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: ${{ inputs.cache }}\n",
      "fail",
    ],
    [
      "setup-uv cache off on tag refs",
      tags,
      "      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: ${{ !startsWith(github.ref, 'refs/tags/') }}\n",
      "pass",
    ],
    [
      "rust-cache on a release event",
      "  release:\n    types: [published]",
      "      - uses: Swatinem/rust-cache@v2\n",
      "fail",
    ],
    [
      "maturin sccache",
      tags,
      "      - uses: PyO3/maturin-action@v1\n        with:\n          sccache: 'true'\n",
      "fail",
    ],
    ["composer-install caches by default", tags, "      - uses: ramsey/composer-install@v3\n", "fail"],
    [
      "composer-install ignore-cache",
      tags,
      "      - uses: ramsey/composer-install@v3\n        with:\n          ignore-cache: yes\n",
      "pass",
    ],
    [
      "tags and branches is ordinary CI",
      "  push:\n    branches: [main]\n    tags: ['v*']",
      "      - uses: actions/setup-go@v5\n",
      "pass",
    ],
  ];
  it.each(cases)("%s", (_name, on, step, expected) => {
    const o = runOn(cachePoisoning, wf(on, step));
    expect(o.status === "fail" ? "fail" : "pass").toBe(expected);
  });
});

describe("cache-poisoning: a dispatch-only publishing workflow is a release workflow", () => {
  const wf = (on: string) =>
    `on: ${on}\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n      - run: make lint\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release upload v1 dist/*\n`;
  it("counts every job of a workflow only a person can start and that publishes", () => {
    const o = runOn(cachePoisoning, wf("workflow_dispatch"));
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.message).toMatch(/manual dispatch of a publishing workflow/);
  });
  it("counts only the publishing jobs when the workflow also runs on pushes", () => {
    expect(runOn(cachePoisoning, wf("[workflow_dispatch, push]")).status).toBe("pass");
  });
  it("does not treat a dispatch-only workflow that publishes nothing as a release", () => {
    expect(
      runOn(cachePoisoning, wf("workflow_dispatch").replace("gh release upload v1 dist/*", "make docs"))
        .status,
    ).toBe("not-applicable");
  });
});
