import { describe, expect, it } from "vitest";
import { flatParams, overviewHref } from "./overview-url";

describe("overviewHref", () => {
  it("keeps the current view, applies changes, and resets the page unless the page changes", () => {
    const current = { org: "acme", failing: "unpinned-action", page: "3" };
    expect(overviewHref(current, { sort: "name" })).toBe("/?org=acme&failing=unpinned-action&sort=name");
    expect(overviewHref(current, { page: "4" })).toBe("/?org=acme&failing=unpinned-action&page=4");
    expect(overviewHref(current, { failing: undefined })).toBe("/?org=acme");
    expect(overviewHref({}, {})).toBe("/");
  });
  it("takes the first of repeated parameters", () => {
    expect(flatParams({ a: ["1", "2"], b: "x", c: undefined })).toEqual({ a: "1", b: "x", c: undefined });
  });
});
