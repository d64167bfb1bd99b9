import { describe, expect, it } from "vitest";
import { fixDiff } from "./fix-diff";
import { blobUrl, webBaseUrl } from "./github-links";

const evidence = {
  kind: "file" as const,
  file: ".github/workflows/ci.yml",
  line: 12,
  snippet: "- uses: actions/checkout@v3",
};

describe("fixDiff", () => {
  it("turns a one-line rewrite into a unified diff, keeping the line's indentation", () => {
    const remediation =
      "Change line 12 to:\n      - uses: actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744 # v3";
    expect(fixDiff({ evidence, remediation })).toBe(
      [
        "--- a/.github/workflows/ci.yml",
        "+++ b/.github/workflows/ci.yml",
        "@@ -12 +12 @@",
        "-      - uses: actions/checkout@v3",
        "+      - uses: actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744 # v3",
      ].join("\n"),
    );
  });

  it("gives no diff for prose, another line, API evidence or a cut snippet", () => {
    expect(fixDiff({ evidence, remediation: "Add `persist-credentials: false` under `with:`." })).toBeNull();
    expect(fixDiff({ evidence, remediation: "Change line 13 to:\n  x: y" })).toBeNull();
    expect(
      fixDiff({
        evidence: { kind: "api", field: "archived", value: false },
        remediation: "Change line 12 to:\nx",
      }),
    ).toBeNull();
    expect(
      fixDiff({
        evidence: { ...evidence, snippet: "run: aaaa..." },
        remediation: "Change line 12 to:\n  run: b",
      }),
    ).toBeNull();
  });
});

describe("GitHub links", () => {
  it("maps github.com, GHES and simulator API bases to their web UI", () => {
    expect(webBaseUrl("https://api.github.com")).toBe("https://github.com");
    expect(webBaseUrl("https://ghe.example.com/api/v3/")).toBe("https://ghe.example.com");
    expect(webBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });

  it("links a file and line at the synced commit, escaping path segments", () => {
    expect(blobUrl("https://github.com", "acme/api", "abc123", ".github/workflows/my ci.yml", 7)).toBe(
      "https://github.com/acme/api/blob/abc123/.github/workflows/my%20ci.yml#L7",
    );
    expect(blobUrl("https://github.com", "acme/api", null, "Dockerfile", 1)).toBeNull();
  });
});
