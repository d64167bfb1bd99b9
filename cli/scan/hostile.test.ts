// Property: every hostile input to `gatehouse scan` ends as a recorded, bounded error
// naming its file, and leaves every other file's results unaffected. Bounds are asserted
// by structure (one notification per file, short reasons), never by wall-clock.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTROL_WORKFLOW, hostileFiles } from "@/testing/hostile/corpus";
import { runScan } from "./run-scan";
import { parseScanArgs } from "./args";

const base = mkdtempSync(path.join(tmpdir(), "gatehouse-hostile-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function checkout(name: string, files: Array<{ path: string; content: string | Buffer }>): string {
  const root = path.join(base, name);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
    writeFileSync(path.join(root, f.path), f.content);
  }
  return root;
}

interface Sarif {
  runs: Array<{
    results: Array<{
      ruleId: string;
      locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    invocations: Array<{
      toolExecutionNotifications: Array<{
        message: { text: string };
        locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      }>;
    }>;
  }>;
}

async function scan(dir: string) {
  let out = "";
  let err = "";
  const args = parseScanArgs([dir, "--format", "sarif"]);
  if (args.kind !== "ok") throw new Error("bad test arguments");
  const code = await runScan(
    args.flags,
    { stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => (err += c) } },
    "test",
  );
  return { code, sarif: JSON.parse(out) as Sarif, stderr: err };
}

const uri = (l?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>) =>
  decodeURI(l?.[0]?.physicalLocation.artifactLocation.uri ?? "");

describe("gatehouse scan against the hostile corpus (property: hostile inputs give bounded, recorded errors)", () => {
  const corpus = hostileFiles();
  const hostile = checkout("hostile", [...corpus, CONTROL_WORKFLOW]);
  // A link pointing outside the checkout, named like a workflow.
  symlinkSync("/etc/passwd", path.join(hostile, ".github/workflows/escape.yml"));
  const control = checkout("control", [CONTROL_WORKFLOW]);

  it("records one bounded error per hostile workflow, naming the file", async () => {
    const { code, sarif } = await scan(hostile);
    expect([0, 1]).toContain(code);
    const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications;
    for (const c of corpus.filter((x) => x.outcome === "error")) {
      const mine = notes.filter((n) => uri(n.locations) === c.path);
      expect(mine, `${c.name} (${JSON.stringify(c.path)})`).toHaveLength(1);
      expect(mine[0]!.message.text.length).toBeLessThan(400);
    }
    // Bounded: at most one notification per hostile file (plus the escaping link).
    expect(notes.length).toBeLessThanOrEqual(corpus.length + 1);
    // Nothing outside the checkout was read.
    expect(JSON.stringify(sarif)).not.toContain("root:x:0:0");
  });

  it("leaves the other workflow's findings exactly as without the corpus", async () => {
    const key = (s: Sarif) =>
      s.runs[0]!.results.filter((r) => uri(r.locations) === CONTROL_WORKFLOW.path)
        .map((r) => r.ruleId)
        .sort();
    const alone = key((await scan(control)).sarif);
    expect(alone).toContain("unpinned-action");
    expect(key((await scan(hostile)).sarif)).toEqual(alone);
  });

  it("analyses __proto__/constructor keys as plain data and pollutes no prototype", async () => {
    const { sarif } = await scan(hostile);
    const proto = corpus.find((c) => c.outcome === "data")!;
    const found = sarif.runs[0]!.results.filter((r) => uri(r.locations) === proto.path).map((r) => r.ruleId);
    expect(found).toContain("unpinned-action"); // the `x/y@v1` step of job "constructor"
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
