import { describe, expect, it } from "vitest";
import type { RepoStatuses } from "./input";
import { keepStatusWalk } from "./status-cache";
import { repo } from "./test-helpers";

async function collect(walk: () => AsyncIterable<readonly RepoStatuses[]>, stopAfter = Infinity) {
  const pages: RepoStatuses[][] = [];
  for await (const page of walk()) {
    pages.push([...page]);
    if (pages.length >= stopAfter) break;
  }
  return pages;
}

describe("keepStatusWalk", () => {
  it("reads until one walk completes, then replays the same pages", async () => {
    const all = Array.from({ length: 7 }, (_, i) => repo(`acme/r${i}`));
    let reads = 0;
    const walk = keepStatusWalk(async function* () {
      reads++;
      for (let i = 0; i < all.length; i += 3) yield all.slice(i, i + 3);
    });
    const statusesOf = (r: RepoStatuses) => ({
      ...r,
      results: r.results.map(({ check, status }) => ({ check, status })),
    });
    await collect(walk, 1); // stopped early: nothing kept
    const first = await collect(walk);
    const replayed = await collect(walk);
    expect(reads).toBe(2);
    expect(replayed.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(replayed).toEqual(first.map((p) => p.map(statusesOf)));
    expect(replayed.flat().some((r) => r.results.some((x) => x.status === "exception"))).toBe(true);
  });
});
