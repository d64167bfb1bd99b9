// CPU per workflow check, for analyzer performance work: each check runs alone over the
// same files (parsed off the clock, fresh per check so a check pays for the shared
// per-workflow data it is first to ask for), ranked by CPU. Also times the shared
// per-workflow passes (tool index, values, secret refs, deploy signals, uses refs, data
// flow) on their own, and parse alone, as a yardstick.
// Usage: npx tsx bench/analyzer-per-check.ts [syntheticCount=500] [reps=2] [checkId...]
import { workflowsOf } from "@/lib/checks/support/workflows-of";
import { selectChecks } from "@/lib/checks/run-checks";
import { filesOnlyFacts } from "@/lib/facts/types";
import type { RepoFacts } from "@/lib/facts/types";
import { defaultPolicy, makeCheckContext } from "@/lib/policy";
import { parseWorkflow } from "@/lib/analyzers/workflow/parse-workflow";
import type { Workflow } from "@/lib/analyzers/workflow/model";
import { toolIndex } from "@/lib/checks/support/tool-index";
import { jobValues, secretRefs, workflowValues } from "@/lib/checks/support/util";
import { deploySignals } from "@/lib/checks/support/deploy";
import { usesRefs } from "@/lib/checks/support/uses-refs";
import { prepareFlows } from "@/lib/checks/support/data-flow";
import { loadRealWorkflows } from "./groups/analyzer";
import { generateSynthetic } from "./synthetic";

const [countArg, repsArg, ...only] = process.argv.slice(2);
const real = loadRealWorkflows();
const files = [...real, ...generateSynthetic(real, Number(countArg ?? "500"))];
const reps = Number(repsArg ?? "2");
const ctx = makeCheckContext(defaultPolicy, "bench/analyzer", new Date("2026-03-01T00:00:00Z"));
const all = selectChecks({ only: ["wf"] });
const checks = only.length ? all.filter((c) => only.includes(c.id)) : all;

/** Fresh facts with workflows already parsed, so timing covers only what follows. */
function parsed(): RepoFacts[] {
  return files.map((f) => {
    const facts = filesOnlyFacts("bench", "analyzer", [f], [f.path]);
    workflowsOf(facts);
    return facts;
  });
}

/** CPU ms per file (user + system) of `work` over fresh facts, summed over reps. */
function cpuPerFile(work: (facts: RepoFacts) => void): number {
  let micros = 0;
  for (let r = 0; r < reps; r++) {
    const set = parsed();
    const t = process.cpuUsage();
    for (const facts of set) work(facts);
    const d = process.cpuUsage(t);
    micros += d.user + d.system;
  }
  return micros / 1000 / (reps * files.length);
}

/** As cpuPerFile, for a check's async `prepare` (secretlint for hardcoded-credential). */
async function cpuPerFileAsync(work: (facts: RepoFacts) => Promise<void>): Promise<number> {
  let micros = 0;
  for (let r = 0; r < reps; r++) {
    const set = parsed();
    const t = process.cpuUsage();
    for (const facts of set) await work(facts);
    const d = process.cpuUsage(t);
    micros += d.user + d.system;
  }
  return micros / 1000 / (reps * files.length);
}

const wfs = (facts: RepoFacts): Workflow[] => workflowsOf(facts).workflows;
const passes: Record<string, (facts: RepoFacts) => void> = {
  "pass:toolIndex": (f) => wfs(f).forEach((w) => toolIndex(w)),
  "pass:jobValues": (f) => wfs(f).forEach((w) => w.jobs.forEach((j) => jobValues(j))),
  "pass:workflowValues": (f) => wfs(f).forEach((w) => workflowValues(w)),
  "pass:secretRefs(job+wf)": (f) =>
    wfs(f).forEach((w) => {
      secretRefs(workflowValues(w));
      w.jobs.forEach((j) => secretRefs(jobValues(j)));
    }),
  "pass:deploySignals": (f) => wfs(f).forEach((w) => w.jobs.forEach((j) => deploySignals(j))),
  "pass:usesRefs": (f) => void usesRefs(wfs(f)),
  "pass:prepareFlows": (f) => prepareFlows(wfs(f)),
};

// Warm-up: every check and pass sees every code path once before any clock starts.
for (const facts of parsed().slice(0, 300)) {
  for (const c of all) {
    await c.prepare?.(facts);
    c.run(facts, ctx);
  }
  for (const p of Object.values(passes)) p(facts);
}

const rows: Array<[string, number]> = [];
const t = process.cpuUsage();
for (let r = 0; r < reps; r++) for (const f of files) parseWorkflow(f.path, f.text);
const d = process.cpuUsage(t);
const parseMs = (d.user + d.system) / 1000 / (reps * files.length);
for (const c of checks) {
  rows.push([c.id, cpuPerFile((facts) => void c.run(facts, ctx))]);
  // A prepare step runs before every run of its check: its CPU is the check's too.
  const prepare = c.prepare?.bind(c);
  if (prepare) rows.push([`${c.id} (prepare)`, await cpuPerFileAsync(prepare)]);
}
if (!only.length) {
  for (const [name, p] of Object.entries(passes)) rows.push([name, cpuPerFile(p)]);
  rows.push(["ALL checks together", cpuPerFile((facts) => all.forEach((c) => c.run(facts, ctx)))]);
}
rows.sort((a, b) => b[1] - a[1]);
console.log(`files ${files.length}, reps ${reps}, parse ${parseMs.toFixed(3)} ms/file`);
for (const [name, ms] of rows) console.log(`${ms.toFixed(4).padStart(8)} ms/file  ${name}`);
