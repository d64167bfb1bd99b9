import { describe, expect, it } from "vitest";
import { actionRefsIn, shasFor } from "./action-refs";

describe("actionRefsIn", () => {
  it("collects mutable refs of other repositories' actions, once each", () => {
    const text = `jobs:
  a:
    steps:
      - uses: actions/checkout@v4
      - uses: "actions/setup-node@v4"
      - uses: github/codeql-action/init@v3 # sub-path action
      - uses: actions/checkout@v4
      - uses: tj-actions/changed-files@0e58ed8671d6b60d0890c21b07f8835ace038e67
      - uses: ./local-action
      - uses: docker://alpine:3
  b:
    uses: acme/workflows/.github/workflows/ci.yml@main
`;
    expect(
      actionRefsIn([
        { path: ".github/workflows/ci.yml", text },
        { path: "README.md", text: "uses: x/y@v1" },
      ]),
    ).toEqual([
      "acme/workflows@main",
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "github/codeql-action@v3",
    ]);
  });

  it("ignores withheld files", () => {
    expect(actionRefsIn([{ path: ".github/workflows/x.yml", text: null, skippedReason: "binary" }])).toEqual(
      [],
    );
  });
});

describe("shasFor", () => {
  it("returns only the resolved keys of a repository", () => {
    const cache = new Map<string, string | null>([
      ["a/b@v1", "a".repeat(40)],
      ["c/d@v2", null],
    ]);
    expect(shasFor(["a/b@v1", "c/d@v2", "e/f@v3"], cache)).toEqual({ "a/b@v1": "a".repeat(40) });
    expect(shasFor(["c/d@v2"], cache)).toBeUndefined();
  });
});
