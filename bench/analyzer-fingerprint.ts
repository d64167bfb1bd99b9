// Results-identity harness for analyzer performance work: every workflow check over the
// corpus workflows plus synthetic recombinations, one file per repository as the bench
// does. Prints a sha256 of the JSON of all results and the findings count; an
// optimisation must leave both unchanged.
// Usage: npx tsx bench/analyzer-fingerprint.ts [syntheticCount=1000]
import { createHash } from "node:crypto";
import { runChecksAsync, selectChecks } from "@/lib/checks/run-checks";
import { filesOnlyFacts } from "@/lib/facts/types";
import { defaultPolicy, makeCheckContext } from "@/lib/policy";
import { loadRealWorkflows } from "./groups/analyzer";
import { generateSynthetic } from "./synthetic";

const count = Number(process.argv[2] ?? "1000");
const real = loadRealWorkflows();
const files = [...real, ...generateSynthetic(real, count)];
const ctx = makeCheckContext(defaultPolicy, "bench/analyzer", new Date("2026-03-01T00:00:00Z"));
const checks = selectChecks({ only: ["wf"] });
const hash = createHash("sha256");
let findings = 0;
for (const f of files) {
  const results = await runChecksAsync(filesOnlyFacts("bench", "analyzer", [f], [f.path]), ctx, { checks });
  hash.update(JSON.stringify(results));
  for (const r of results) findings += r.findings.length;
}
console.log(
  JSON.stringify({ files: files.length, checks: checks.length, findings, sha256: hash.digest("hex") }),
);
