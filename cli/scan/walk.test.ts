import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeIgnoreMatcher, parseIgnoreFile } from "./ignore";
import { analysedKind } from "./select-files";
import { walkCheckout } from "./walk";

const base = mkdtempSync(path.join(tmpdir(), "gatehouse-walk-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(base, "repo-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe("walkCheckout", () => {
  it("reads analysed files, lists every path, and skips node_modules, .git and vendor", async () => {
    const root = tree({
      ".github/workflows/ci.yml": "on: push",
      Dockerfile: "FROM x",
      "src/index.ts": "export {}",
      "node_modules/a/package.json": "{}",
      ".git/config": "",
      "vendor/x/go.mod": "module x",
    });
    const r = await walkCheckout(root, { maxFileBytes: 1024, isIgnored: () => false });
    expect(r.paths.sort()).toEqual([".github/workflows/ci.yml", "Dockerfile", "src/index.ts"]);
    expect(r.files.map((f) => [f.path, f.text])).toEqual([
      [".github/workflows/ci.yml", "on: push"],
      ["Dockerfile", "FROM x"],
    ]);
  });

  it("records why big, binary and out-of-root files were not read", async () => {
    const outside = tree({ "secret.yml": "x: 1" });
    const root = tree({
      "big.yml": "a: 1\n".repeat(400),
      "bun.lockb": Buffer.from([1, 0, 2]),
      "ok.yml": "a: 1",
    });
    symlinkSync(path.join(outside, "secret.yml"), path.join(root, "link.yml"));
    symlinkSync(path.join(root, "ok.yml"), path.join(root, "inside-link.yml"));
    const r = await walkCheckout(root, { maxFileBytes: 1024, isIgnored: () => false });
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
    expect(reasons["big.yml"]).toMatch(/larger than 1 KiB/);
    expect(reasons["bun.lockb"]).toBe("binary file");
    expect(reasons["link.yml"]).toBe("symlink points outside the scanned directory");
    expect(r.paths).not.toContain("link.yml");
    expect(r.files.find((f) => f.path === "inside-link.yml")?.text).toBe("a: 1");
    expect(r.files.find((f) => f.path === "big.yml")).toMatchObject({ text: null });
  });

  it("leaves ignored paths out entirely and reports progress over analysed files", async () => {
    const root = tree({
      "fixtures/bad/Dockerfile": "FROM x",
      "lib/__fixtures__/a.yml": "a: 1",
      "app.yml": "a: 1",
    });
    const seen: Array<[number, number]> = [];
    const isIgnored = makeIgnoreMatcher(parseIgnoreFile("# test data\nfixtures/\n__fixtures__/\n"));
    const r = await walkCheckout(root, {
      maxFileBytes: 1024,
      isIgnored,
      onProgress: (d, t) => seen.push([d, t]),
    });
    expect(r.paths).toEqual(["app.yml"]);
    expect(seen).toEqual([[1, 1]]);
  });
});

describe("analysedKind", () => {
  it.each([
    [".github/workflows/ci.yaml", "workflow"],
    ["tools/setup/action.yml", "action"],
    [".github/CODEOWNERS", "codeowners"],
    ["docker/api.Dockerfile", "dockerfile"],
    ["Dockerfile.prod", "dockerfile"],
    ["web/package-lock.json", "lockfile"],
    ["requirements-dev.txt", "manifest"],
    ["infra/main.tf", "terraform"],
    ["k8s/deploy.yaml", "yaml"],
    [".github/renovate.json5", "renovate"],
    ["src/index.ts", null],
  ])("%s → %s", (p, kind) => {
    expect(analysedKind(p)).toBe(kind);
  });
});
