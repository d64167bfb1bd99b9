import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrgFixture } from "../fixture/load";
import { buildRepoGit } from "../git";
import { generateOrg } from "./generate";
import { writeOrgFixture } from "./write";

describe("generateOrg", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = generateOrg({ repos: 50, seed: 7 });
    const b = generateOrg({ repos: 50, seed: 7 });
    const c = generateOrg({ repos: 50, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(buildRepoGit(a.repos[3]!, "x").commitOid).toBe(buildRepoGit(b.repos[3]!, "x").commitOid);
  });

  it("produces a realistic spread of posture", () => {
    const fx = generateOrg({ repos: 400, seed: 3 });
    const share = (p: (r: (typeof fx.repos)[number]) => boolean) =>
      fx.repos.filter(p).length / fx.repos.length;
    expect(share((r) => r.config.branchProtection.length > 0)).toBeGreaterThan(0.4);
    expect(share((r) => r.config.branchProtection.length > 0)).toBeLessThan(0.7);
    expect(share((r) => r.config.visibility === "public")).toBeGreaterThan(0.2);
    expect(
      share((r) => Object.keys(r.files).some((f) => f.startsWith(".github/workflows/"))),
    ).toBeGreaterThan(0.6);
    expect(share((r) => r.config.collaborators.some((c) => c.outside))).toBeGreaterThan(0.05);
    expect(new Set(fx.repos.map((r) => r.name)).size).toBe(400);
  });

  it("generates 10,000 repositories sharing file texts", () => {
    // Generation speed is reported by `npm run bench`, not asserted against the clock here.
    const fx = generateOrg({ repos: 10_000, seed: 1 });
    const texts = new Set(fx.repos.flatMap((r) => Object.values(r.files)));
    expect(texts.size).toBeLessThan(40);
  });

  it("round-trips through the on-disk format", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "gen-"));
    try {
      const fx = generateOrg({ repos: 5, seed: 2 });
      await writeOrgFixture(fx, dir);
      const back = await loadOrgFixture(dir);
      expect(back.repos.map((r) => [r.name, r.id, r.files])).toEqual(
        [...fx.repos].sort((x, y) => x.name.localeCompare(y.name)).map((r) => [r.name, r.id, r.files]),
      );
      expect(back.org).toEqual(fx.org);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
