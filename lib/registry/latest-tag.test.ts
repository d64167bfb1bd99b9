import { describe, expect, it } from "vitest";
import { highestSemverTag, pickLatest, publishedTags, type PackageVersion } from "./latest-tag";

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe("pickLatest", () => {
  it("prefers the latest tag over semver tags", () => {
    expect(pickLatest(["v9.0.0", "latest", "v1.0.0"])).toEqual({
      ok: true,
      tag: "latest",
      digest: null,
      rule: "latest-tag",
    });
  });

  it("takes the highest semver tag, stable before pre-release, with or without v", () => {
    expect(pickLatest(["1.2.0", "v1.10.0", "v1.9.9", "2.0.0-rc.1", "main"])).toMatchObject({
      tag: "v1.10.0",
      rule: "semver",
    });
    expect(highestSemverTag(["2.0.0-rc.1", "2.0.0-rc.2", "main"])).toBe("2.0.0-rc.2");
    expect(highestSemverTag(["main", "1.2", "sha-abc"])).toBeNull();
  });

  it("ignores cosign and referrers artifact tags", () => {
    const sig = `sha256-${"a".repeat(64)}.sig`;
    expect(publishedTags([sig, `sha256-${"a".repeat(64)}`, "main", "main"])).toEqual(["main"]);
    expect(pickLatest([sig, "main"])).toMatchObject({ ok: true, tag: "main", rule: "only-tag" });
  });

  it("falls back to the most recent tagged package version", () => {
    const versions: PackageVersion[] = [
      { digest: D("1"), tags: ["main-abc"], createdAt: "2024-01-01T00:00:00Z" },
      { digest: D("2"), tags: ["main-def"], createdAt: "2024-03-01T00:00:00Z" },
      { digest: D("3"), tags: [], createdAt: "2024-05-01T00:00:00Z" },
      { digest: D("4"), tags: [`sha256-${"2".repeat(64)}.sig`], createdAt: "2024-06-01T00:00:00Z" },
    ];
    expect(pickLatest(["main-abc", "main-def"], versions)).toEqual({
      ok: true,
      tag: "main-def",
      digest: D("2"),
      rule: "package-versions",
    });
  });

  it("uses the versions' tags and digests when the registry's tags are unknown", () => {
    const versions: PackageVersion[] = [
      { digest: D("5"), tags: ["latest", "v2.0.0"], createdAt: "2024-01-01T00:00:00Z" },
    ];
    expect(pickLatest(null, versions)).toEqual({
      ok: true,
      tag: "latest",
      digest: D("5"),
      rule: "latest-tag",
    });
    expect(pickLatest(["v2.0.0"], versions)).toEqual({
      ok: true,
      tag: "v2.0.0",
      digest: D("5"),
      rule: "semver",
    });
  });

  it("stays unknown when ambiguous or empty", () => {
    expect(pickLatest(["main", "dev"])).toEqual({ ok: false, reason: expect.stringContaining("2 tags") });
    expect(pickLatest([])).toEqual({ ok: false, reason: "no published tags" });
    expect(pickLatest(null)).toEqual({ ok: false, reason: "no published tags" });
  });
});
