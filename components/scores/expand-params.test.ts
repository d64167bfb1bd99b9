import { describe, expect, it } from "vitest";
import { findingsShown, parseExpanded, repoPageHref } from "./expand-params";

const noFilters = { category: null, severity: null, status: null };

describe("repository page expansions", () => {
  it("reads the sections and checks to expand, ignoring unknown sections and odd ids", () => {
    expect(
      parseExpanded({
        show: ["unknown", "bogus", "passing"],
        all: ["unpinned-action", "<script>", "unpinned-action"],
      }),
    ).toEqual({ show: ["passing", "unknown"], all: ["unpinned-action"] });
    expect(parseExpanded({ show: "not-applicable" })).toEqual({ show: ["not-applicable"], all: [] });
    expect(parseExpanded({})).toEqual({ show: [], all: [] });
  });

  it("links keep the filters and the other expansions", () => {
    expect(
      repoPageHref(
        "acme/api",
        { ...noFilters, category: "secrets", status: "fail" },
        { show: ["passing"], all: ["a", "b"] },
        "check-b",
      ),
    ).toBe("/repos/acme/api?category=secrets&status=fail&show=passing&all=a&all=b#check-b");
    expect(repoPageHref("acme/api", noFilters, { show: [], all: [] }, "passing")).toBe(
      "/repos/acme/api#passing",
    );
  });
});

describe("findings of a check", () => {
  it("shows the first three and counts the rest, or all when asked", () => {
    expect(findingsShown([1, 2, 3, 4, 5], false)).toEqual({ shown: [1, 2, 3], hidden: 2 });
    expect(findingsShown([1, 2], false)).toEqual({ shown: [1, 2], hidden: 0 });
    expect(findingsShown([1, 2, 3, 4, 5], true)).toEqual({ shown: [1, 2, 3, 4, 5], hidden: 0 });
  });
});
