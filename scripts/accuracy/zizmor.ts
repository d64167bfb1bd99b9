// `npm run accuracy:zizmor -- <zizmor checkout> [--json]`: recall and false-positive share
// of Gatehouse's checks against zizmor's own integration tests, per audit both tools share.
// Reads <checkout>/crates/zizmor/tests/integration/{audit/*.rs, audit/snapshots/*.snap,
// test-data/**}; nothing of zizmor's is vendored here. Each default-persona test's inputs are
// placed in a fresh checkout (workflows under .github/workflows/, action.yml and
// dependabot.yml where Gatehouse looks for them), scanned with the real `gatehouse scan`,
// and its findings matched to the snapshot's by file and line (see zizmor-match.ts).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ZizmorCase } from "./zizmor-parse";
import { parseTestFile } from "./zizmor-parse";
import { scanReport } from "./scan-report";
import type { GatehouseFinding } from "./zizmor-match";
import {
  SHARED_AUDITS,
  anchorLine,
  inWorkflowLevelBlock,
  nodeEnd,
  scoreAudits,
  unitOf,
  zizmorIgnored,
} from "./zizmor-match";

const TESTS = "crates/zizmor/tests/integration";

/** Gatehouse's findings in a checkout that name a file. */
function scan(dir: string): GatehouseFinding[] {
  return scanReport(dir)
    .findings.filter((f) => f.file !== null)
    .map((f) => ({ check: f.check, file: f.file as string, line: f.line }));
}

/** Where Gatehouse reads an input file from, relative to the checkout root. */
function placement(file: string): string {
  const base = path.basename(file);
  if (/^action\.ya?ml$/.test(base)) return path.join(path.basename(path.dirname(file)), base);
  if (/^dependabot\.ya?ml$/.test(base)) return `.github/${base}`;
  return `.github/workflows/${base}`;
}

/** Input files of a test (a directory input contributes every YAML file under it). */
function inputFiles(testData: string, input: string): Array<[src: string, dest: string]> {
  const src = path.join(testData, input);
  // A partial checkout may lack some inputs: the case is skipped, and counted as such.
  if (!existsSync(src)) return [];
  if (!statSync(src).isDirectory()) return [[src, placement(src)]];
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f): [string, string] =>
      f.startsWith(".github/") || /(^|\/)action\.ya?ml$/.test(f)
        ? [path.join(src, f), f]
        : [path.join(src, f), placement(f)],
    );
}

/** Which placed file a snapshot's `-->` path names. */
function resolvePath(printed: string, files: Array<[string, string]>): string | null {
  if (printed === "@@INPUT@@" && files.length === 1) return files[0]?.[1] ?? null;
  const rel = printed.replace(/^@@INPUT@@\/?/, "");
  const hit = files.find(([src, dest]) => src.endsWith(rel) || dest.endsWith(rel));
  return hit ? hit[1] : null;
}

const SKEW = "input differs from the snapshot's (a finding's quoted line is not in it)";

/** Gatehouse check id → the zizmor audit it is scored against. */
const AUDIT_OF = new Map(Object.entries(SHARED_AUDITS).flatMap(([a, c]) => (c ? [[c, a]] : [])));

const pct = (n: number | null) => (n === null ? "-" : `${Math.round(n * 100)}%`);

function main(): void {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean" } },
    allowPositionals: true,
  });
  const checkout = positionals[0];
  if (!checkout) throw new Error("usage: accuracy:zizmor -- <zizmor checkout> [--json]");
  const auditDir = path.join(checkout, TESTS, "audit");
  const testData = path.join(checkout, TESTS, "test-data");
  const snapshot = (name: string) => {
    const p = path.join(auditDir, "snapshots", `integration__audit__${name}.snap`);
    return existsSync(p) ? readFileSync(p, "utf8") : undefined;
  };
  const cases: ZizmorCase[] = readdirSync(auditDir)
    .filter((f) => f.endsWith(".rs") && f !== "mod.rs")
    .sort()
    .flatMap((f) => parseTestFile(f, readFileSync(path.join(auditDir, f), "utf8"), snapshot));

  const skipped = new Map<string, number>();
  const expected: Parameters<typeof scoreAudits>[0][number][] = [];
  const reported: GatehouseFinding[] = [];
  const unanchored: string[] = [];
  let scored = 0;
  let reanchored = 0;
  let ignored = 0;
  for (const c of cases) {
    const files = c.skip ? [] : c.inputs.flatMap((i) => inputFiles(testData, i));
    if (!c.skip && files.length === 0) c.skip = "input not in the checkout (or no YAML)";
    if (c.skip) {
      skipped.set(c.skip, (skipped.get(c.skip) ?? 0) + 1);
      continue;
    }
    const work = mkdtempSync(path.join(tmpdir(), "gatehouse-zizmor-"));
    try {
      for (const [src, dest] of files) {
        mkdirSync(path.dirname(path.join(work, dest)), { recursive: true });
        copyFileSync(src, path.join(work, dest));
      }
      const tag = (f: string) => `${c.name} ${f}`;
      const text = new Map(files.map(([, dest]) => [dest, readFileSync(path.join(work, dest), "utf8")]));
      const caseExpected: typeof expected = [];
      const unplaced: string[] = [];
      for (const z of c.findings) {
        if (!(z.audit in SHARED_AUDITS)) continue;
        const file = resolvePath(z.path, files);
        const yaml = file === null ? undefined : text.get(file);
        const line = yaml === undefined ? null : anchorLine(yaml, z.line, z.source);
        if (file === null || yaml === undefined || line === null) {
          unplaced.push(`${z.audit} ${z.path}:${z.line} "${z.source ?? ""}"`);
          continue;
        }
        if (line !== z.line) reanchored++;
        const end = nodeEnd(yaml, line);
        const workflowLevel = inWorkflowLevelBlock(yaml, line);
        const unit = unitOf(yaml, line);
        caseExpected.push({ audit: z.audit, file: tag(file), line, end, unit, workflowLevel });
      }
      // The input differs from the file the snapshot was taken of: neither side is comparable.
      if (unplaced.length > 0) {
        for (const u of unplaced) unanchored.push(`${c.name} ${u}`);
        skipped.set(SKEW, (skipped.get(SKEW) ?? 0) + 1);
        continue;
      }
      scored++;
      expected.push(...caseExpected);
      for (const f of scan(work)) {
        const yaml = text.get(f.file);
        const audit = AUDIT_OF.get(f.check);
        if (yaml !== undefined && f.line !== null && audit && zizmorIgnored(yaml, f.line, audit)) {
          ignored++;
          continue;
        }
        const where =
          yaml !== undefined && f.line !== null
            ? { end: nodeEnd(yaml, f.line), unit: unitOf(yaml, f.line) }
            : {};
        reported.push({ ...f, file: tag(f.file), ...where });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  // The same finding printed twice (e.g. once per job) counts once.
  const uniq = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
  const scores = scoreAudits(uniq(expected), uniq(reported));
  const skips = Object.fromEntries(skipped);
  if (values.json) {
    const summary = { tests: cases.length, scored, skipped: skips, reanchored, ignored, unanchored };
    console.log(JSON.stringify({ ...summary, scores }, null, 2));
    return;
  }
  console.log(
    "audit → check                                   expected found recall reported unexpected fpShare",
  );
  for (const s of scores) {
    const label = `${s.audit} → ${s.check ?? "(API-backed)"}`.padEnd(48);
    if (s.check === null) {
      console.log(`${label} ${String(s.expected).padStart(8)}  unknown (offline)`);
      continue;
    }
    console.log(
      `${label} ${String(s.expected).padStart(8)} ${String(s.found).padStart(5)} ${pct(s.recall).padStart(6)} ${String(s.reported).padStart(8)} ${String(s.unexpected).padStart(10)} ${pct(s.fpShare).padStart(7)}`,
    );
  }
  console.log(`\n${cases.length} test snapshots; ${scored} scored (default persona)`);
  for (const [why, n] of skipped) console.log(`skipped ${n}: ${why}`);
  // Inputs and snapshots may come from different commits of a partial checkout.
  console.log(`${reanchored} expected findings re-anchored by their quoted line`);
  console.log(`${ignored} Gatehouse findings left out: zizmor's test data ignores that audit there`);
  for (const u of unanchored) console.log(`unplaced ${u}`);
  for (const s of scores) {
    for (const m of s.misses) console.log(`miss  ${s.audit}  ${m}`);
    for (const x of s.extras) console.log(`extra ${s.check}  ${x}`);
  }
}

main();
