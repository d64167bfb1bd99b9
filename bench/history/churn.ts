// Realistic churn for the history bench: each repository has one workflow whose steps are
// third-party actions, some pinned. Per repository per day (seeded, so runs compare):
// 1% pins an action (a fix), 0.7% adds an unpinned step (a new finding), 0.3% reverts a
// pin (a reopen), 3% inserts a comment line (lines move, nothing else changes).
import type { RepoFile } from "../../lib/facts/types";

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface State {
  steps: Array<{ action: string; pinned: boolean; wasPinned: boolean }>;
  comments: number;
}

const SHA = "0123456789abcdef0123456789abcdef01234567";

export function createRepoChurn(seed: number) {
  const random = mulberry32(seed);
  const states = new Map<string, State>();
  let changes = 0;
  return {
    add(id: string) {
      const n = 3 + Math.floor(random() * 5);
      states.set(id, {
        steps: Array.from({ length: n }, (_, i) => {
          const pinned = random() < 0.5;
          return { action: `vendor${i}/tool-${Math.floor(random() * 50)}`, pinned, wasPinned: pinned };
        }),
        comments: 0,
      });
    },
    /** Applies one day of churn; returns the repositories whose files changed. */
    day(): string[] {
      const changed: string[] = [];
      for (const [id, s] of states) {
        const r = random();
        const unpinned = s.steps.filter((x) => !x.pinned);
        const reverted = s.steps.filter((x) => x.pinned && !x.wasPinned);
        if (r < 0.01 && unpinned.length > 0) unpinned[0]!.pinned = true;
        else if (r < 0.017)
          s.steps.push({ action: `new/tool-${Math.floor(random() * 1e6)}`, pinned: false, wasPinned: false });
        else if (r < 0.02 && reverted.length > 0) reverted[0]!.pinned = false;
        else if (r < 0.05) s.comments += 1;
        else continue;
        changed.push(id);
        changes += 1;
      }
      return changed;
    },
    files(id: string): RepoFile[] {
      const s = states.get(id)!;
      const lines = [
        "on: push",
        ...Array.from({ length: s.comments }, (_, i) => `# change ${i}`),
        "permissions: {}",
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        ...s.steps.map((x) => `      - uses: ${x.action}@${x.pinned ? SHA : "v1"}`),
        "",
      ];
      return [{ path: ".github/workflows/ci.yml", text: lines.join("\n") }];
    },
    changes: () => changes,
  };
}
