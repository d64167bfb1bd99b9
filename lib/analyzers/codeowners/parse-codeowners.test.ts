import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { covers, ownersOf, parseCodeowners, ruleFor } from "./parse-codeowners";
import { locateCodeowners } from "./locate";

const load = (name: string) =>
  parseCodeowners(".github/CODEOWNERS", readFileSync(path.join(__dirname, "__fixtures__", name), "utf8"));

describe("CODEOWNERS on real files", () => {
  it("node: anchored /.github/workflows/* covers new workflows; a later specific rule wins", () => {
    const co = load("nodejs__node.CODEOWNERS");
    expect(co.errors).toEqual([]);
    expect(covers(co, ".github/workflows/").covered).toBe(true);
    expect(ownersOf(co, ".github/workflows/tools.yml")).toEqual(["@nodejs/security-wg"]);
    expect(ownersOf(co, ".github/workflows/ci.yml")).toEqual(["@nodejs/actions"]);
    // `/lib/internal/streams/*` does not own nested files (GitHub's documented behaviour).
    expect(ownersOf(co, "lib/internal/streams/a/b.js")).toEqual([]);
    expect(ownersOf(co, "lib/internal/streams/end.js")).toEqual(["@nodejs/streams"]);
  });

  it("deno: unanchored `.github` owns the directory at any depth", () => {
    const co = load("denoland__deno.CODEOWNERS");
    expect(covers(co, ".github/workflows").covered).toBe(true);
    expect(ownersOf(co, ".github/workflows/ci.yml")).toEqual(["@bartlomieju", "@kt3k", "@piscisaureus"]);
    // `/*` owns only root files.
    expect(ownersOf(co, "README.md")).toEqual(["@bartlomieju"]);
    expect(ownersOf(co, "cli/ast/mod.rs")).toEqual(["@dsherret", "@kitsonk"]);
  });

  it("renovate: only *.md and some dirs are owned, workflows are not", () => {
    const co = load("renovatebot__renovate.CODEOWNERS");
    expect(covers(co, ".github/workflows/").covered).toBe(false);
    expect(ownersOf(co, "docs/usage/a.md")).toEqual(["@HonkingGoose"]);
  });

  it("prisma: `-` is a literal file name, not a default owner", () => {
    const co = load("prisma__prisma.CODEOWNERS");
    expect(ruleFor(co, "-")?.line).toBe(7);
    expect(covers(co, ".github/workflows/").covered).toBe(false);
  });

  it("cosign and scorecard: * default owners plus later overrides", () => {
    const cosign = parseCodeowners(
      "CODEOWNERS",
      readFileSync(path.join(__dirname, "__fixtures__", "sigstore__cosign.CODEOWNERS"), "utf8"),
    );
    expect(covers(cosign, ".github/workflows/")).toMatchObject({
      covered: true,
      rule: { owners: ["@sigstore/dep-maintainers"] },
    });
    const sc = load("ossf__scorecard.CODEOWNERS");
    expect(ownersOf(sc, "cmd/x/README.md")).toEqual(["@ossf/scorecard-doc-maintainers"]);
    expect(ownersOf(sc, "clients/azuredevopsrepo/a/b.go")).toEqual(["@ossf/scorecard-azure-maintainers"]);
  });
});

describe("CODEOWNERS semantics and errors", () => {
  it("a later rule without owners unowns paths", () => {
    const co = parseCodeowners("CODEOWNERS", "* @acme/all\n/.github/workflows/\n");
    expect(covers(co, ".github/workflows/")).toMatchObject({ covered: false, rule: { line: 2 } });
  });
  it("reports invalid owners and unsupported syntax with line numbers, and skips those lines", () => {
    const co = parseCodeowners(
      "CODEOWNERS",
      "* @ok\n!*.md @a\n[ab].js @b\n\\#x @c\n/src bob\n/lib @acme/team user@example.com # note\n",
    );
    expect(co.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(co.errors[3]?.message).toMatch(/invalid owner format: bob/);
    expect(ownersOf(co, "lib/a.ts")).toEqual(["@acme/team", "user@example.com"]);
    expect(ownersOf(co, "x.md")).toEqual(["@ok"]);
  });
  it("directory-only and ** patterns", () => {
    const co = parseCodeowners("CODEOWNERS", "apps/ @a\n**/logs @b\n/docs/** @c\n");
    expect(ownersOf(co, "x/apps/y/z.ts")).toEqual(["@a"]);
    expect(ownersOf(co, "apps")).toEqual([]);
    expect(ownersOf(co, "deep/a/logs/x.log")).toEqual(["@b"]);
    expect(ownersOf(co, "docs/a/b.md")).toEqual(["@c"]);
  });
  it("is bounded on hostile input", () => {
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    const co = parseCodeowners(
      "CODEOWNERS",
      `${"**/".repeat(200)}a @x\n${"*a".repeat(300)}z @x\n` + "/x @y\n".repeat(25_000),
    );
    expect(ownersOf(co, "c/".repeat(500) + "b")).toEqual([]);
    expect(ownersOf(co, "a".repeat(2000))).toEqual([]);
    expect(co.errors.some((e) => /more than/.test(e.message))).toBe(true);
    expect(parseCodeowners("CODEOWNERS", "x".repeat(3_000_001)).errors[0]?.message).toMatch(/3 MB/);
  });
  it("locates the file GitHub uses", () => {
    expect(locateCodeowners(["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"])).toEqual({
      used: ".github/CODEOWNERS",
      ignored: ["CODEOWNERS", "docs/CODEOWNERS"],
    });
    expect(locateCodeowners(["src/CODEOWNERS"])).toEqual({ ignored: [] });
  });
});
