// `npm run accuracy [-- <cases dir>] [--json]`: runs the real `gatehouse scan` CLI over
// labelled cases and prints recall and false-positive share per check.
// Each case is a workflow file (`*.yml`) whose header names the checks it must trigger
// (`# expect: …`) and those it must not (`# clean: …`); see labels.ts. The cases are
// placed in a temporary checkout as .github/workflows/<case>.yml and scanned once.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkById } from "@/lib/checks/catalogue";
import { scanReport } from "./scan-report";
import { parseLabels } from "./labels";
import type { CaseResult } from "./metrics";
import { overall, scoreCases } from "./metrics";

const DEFAULT_CASES = fileURLToPath(new URL("./cases", import.meta.url));

const pct = (n: number | null) => (n === null ? "   -" : `${Math.round(n * 100)}%`.padStart(4));

function main(): void {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean" } },
    allowPositionals: true,
  });
  const casesDir = path.resolve(positionals[0] ?? DEFAULT_CASES);
  const names = readdirSync(casesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (names.length === 0) throw new Error(`${casesDir}: no *.yml case files`);
  const labelled = names.map((name) => {
    const labels = parseLabels(name, readFileSync(path.join(casesDir, name), "utf8"));
    for (const id of [...labels.expect, ...labels.clean])
      if (!checkById(id)) throw new Error(`${name}: no check with id "${id}" in the catalogue`);
    return { name, labels };
  });

  const work = mkdtempSync(path.join(tmpdir(), "gatehouse-accuracy-"));
  try {
    const wfDir = path.join(work, ".github/workflows");
    mkdirSync(wfDir, { recursive: true });
    for (const { name } of labelled) copyFileSync(path.join(casesDir, name), path.join(wfDir, name));
    const report = scanReport(work);
    const results: CaseResult[] = labelled.map(({ name, labels }) => ({
      file: name,
      labels,
      reported: new Set(
        report.findings.filter((f) => f.file === `.github/workflows/${name}`).map((f) => f.check),
      ),
    }));
    const scores = scoreCases(results);
    const total = overall(scores);
    if (values.json) {
      console.log(
        JSON.stringify(
          { cases: names.length, overall: total, checks: scores, errors: report.errors },
          null,
          2,
        ),
      );
      return;
    }
    const w = Math.max(...scores.map((s) => s.check.length), 5);
    console.log(`${"check".padEnd(w)}  expected  recall  clean  fpShare`);
    for (const s of scores)
      console.log(
        `${s.check.padEnd(w)}  ${String(s.expected).padStart(8)}  ${pct(s.recall).padStart(6)}  ${String(s.clean).padStart(5)}  ${pct(s.fpShare).padStart(7)}`,
      );
    console.log(
      `\n${names.length} cases; overall recall ${pct(total.recall)}, false-positive share ${pct(total.fpShare)}`,
    );
    for (const s of scores) {
      for (const f of s.misses) console.log(`miss  ${s.check}  ${f}`);
      for (const f of s.falsePositiveFiles) console.log(`fp    ${s.check}  ${f}`);
    }
    for (const e of report.errors) console.log(`error ${e.file}: ${e.reason}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
