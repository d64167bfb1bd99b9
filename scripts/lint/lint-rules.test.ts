// Every house rule in eslint.config.mjs and scripts/lint/check-cycles.mjs, proven live:
// each case plants a violating file in the real tree, lints it with the project's own
// configuration, and expects the named rule to fail. If a rule is deleted or its scope
// drifts, the matching case fails here.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ES module without type declarations
import { findCycles } from "./check-cycles.mjs";

const ROOT = path.resolve(__dirname, "../..");
const planted: string[] = [];
const eslint = new ESLint({ cwd: ROOT });

function plant(dir: string, source: string, ext = "ts"): string {
  mkdirSync(path.join(ROOT, dir), { recursive: true });
  const rel = path.join(dir, `__planted-${randomBytes(4).toString("hex")}.${ext}`);
  writeFileSync(path.join(ROOT, rel), source);
  planted.push(rel);
  return rel;
}

async function ruleIdsFor(rel: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([path.join(ROOT, rel)]);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

afterAll(() => {
  for (const rel of planted) rmSync(path.join(ROOT, rel), { force: true });
});

describe("lint enforces the layers", () => {
  it.each([
    [
      "the pure core importing the database",
      "lib/checks",
      'import { getDb } from "@/lib/db";\nvoid getDb;\n',
    ],
    ["the pure core importing sync", "lib/scoring", 'import { x } from "../sync/jobs/queues";\nvoid x;\n'],
    [
      "the pure core importing the data layer",
      "lib/facts",
      'import { x } from "@/lib/server/orgs/list-organizations";\nvoid x;\n',
    ],
  ])("refuses %s", async (_name, dir, source) => {
    const messages = await ruleIdsFor(plant(dir, source));
    expect(messages.join("\n")).toMatch(/import\/no-restricted-paths: .*pure core .*lib\/server/);
  });

  it("refuses filesystem and network modules in the pure core", async () => {
    const messages = await ruleIdsFor(
      plant(
        "lib/policy",
        'import { readFileSync } from "node:fs";\nimport pg from "pg";\nvoid readFileSync;\nvoid pg;\n',
      ),
    );
    expect(messages.filter((m) => m.startsWith("no-restricted-imports:"))).toHaveLength(2);
  });

  it("refuses pages importing the database or sync", async () => {
    const messages = await ruleIdsFor(
      plant(
        "app",
        'import { getDb } from "@/lib/db";\nimport { x } from "@/lib/sync/jobs/boss";\nvoid getDb;\nvoid x;\n',
      ),
    );
    expect(
      messages.filter((m) => /no-restricted-paths: Unexpected path .*lib\/server\/<entity>/.test(m)),
    ).toHaveLength(2);
  });

  it("refuses production code importing the simulator or test helpers", async () => {
    const messages = await ruleIdsFor(
      plant(
        "lib/sync",
        'import { startSimulator } from "@/simulator";\nimport { x } from "@/testing/db";\nvoid startSimulator;\nvoid x;\n',
      ),
    );
    expect(messages.filter((m) => /no-restricted-paths: .*production code/.test(m))).toHaveLength(2);
  });

  it("refuses process.env outside lib/env.ts", async () => {
    const messages = await ruleIdsFor(plant("lib/sync", "export const url = process.env.DATABASE_URL;\n"));
    expect(messages.join("\n")).toMatch(/no-restricted-properties: .*lib\/env\.ts/);
  });

  it("lets tests use the simulator and test helpers", async () => {
    const rel = plant(
      "lib/sync",
      'import { startSimulator } from "@/simulator";\nvoid startSimulator;\n',
      "test.ts",
    );
    expect(await ruleIdsFor(rel)).toEqual([]);
  });
});

describe("the cycle check", () => {
  it("finds a planted file cycle and a planted package cycle", async () => {
    const a = plant("lib/util", "");
    const b = plant("lib/util", "");
    writeFileSync(
      path.join(ROOT, a),
      `import { b } from "./${path.basename(b, ".ts")}";\nexport const a = () => b;\n`,
    );
    writeFileSync(
      path.join(ROOT, b),
      `import { a } from "./${path.basename(a, ".ts")}";\nexport const b = () => a;\n`,
    );
    // lib/checks already imports lib/policy; a policy file importing checks closes a package cycle.
    const back = plant(
      "lib/policy",
      'import { catalogue } from "../checks/catalogue";\nexport const n = catalogue.length;\n',
    );
    const { files, packages } = await findCycles(ROOT, [a, back, "lib/checks/run-checks.ts"]);
    expect(files).toContainEqual(expect.arrayContaining([a, b]));
    const sccs: string[][] = packages.map((p: { packages: string[] }) => p.packages);
    expect(sccs.some((scc) => scc.includes("lib/checks") && scc.includes("lib/policy"))).toBe(true);
  });
});
