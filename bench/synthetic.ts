// Deterministic synthetic workflows for the benchmark: recombines triggers, jobs and steps
// of the real corpus (seeded PRNG), so the synthetic set has the real files' shape and
// size mix while being large enough to time. Same seed → byte-identical files.
import { parse, stringify } from "yaml";

export interface BenchFile {
  path: string;
  text: string;
}

/** mulberry32: tiny, fast, good enough for shuffling fixtures. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

interface Pools {
  workflows: Obj[];
  jobs: Obj[];
  steps: unknown[];
}

function pools(real: BenchFile[]): Pools {
  const workflows: Obj[] = [];
  const jobs: Obj[] = [];
  const steps: unknown[] = [];
  for (const f of real) {
    const doc: unknown = parse(f.text, { maxAliasCount: -1 });
    if (!isObj(doc) || !isObj(doc.jobs)) continue;
    workflows.push(doc);
    for (const job of Object.values(doc.jobs)) {
      if (!isObj(job)) continue;
      jobs.push(job);
      if (Array.isArray(job.steps)) steps.push(...job.steps);
    }
  }
  return { workflows, jobs, steps };
}

const REF_VARIANTS = ["v1", "v2", "v3", "v4", "main", "0123456789abcdef0123456789abcdef01234567"];

function mutateStep(step: unknown, rnd: () => number): unknown {
  if (!isObj(step) || typeof step.uses !== "string" || rnd() < 0.5) return step;
  const at = step.uses.indexOf("@");
  if (at < 0) return step;
  const ref = REF_VARIANTS[Math.floor(rnd() * REF_VARIANTS.length)] ?? "v1";
  return { ...step, uses: `${step.uses.slice(0, at)}@${ref}` };
}

function pick<T>(items: T[], rnd: () => number): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error("empty pool");
  return item;
}

export function generateSynthetic(real: BenchFile[], count: number, seed = 20260301): BenchFile[] {
  return [...syntheticFiles(real, count, seed)];
}

/** The same files as generateSynthetic, one at a time, so a benchmark need not hold them all. */
export function* syntheticFiles(real: BenchFile[], count: number, seed = 20260301): Generator<BenchFile> {
  const p = pools(real);
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) {
    const base = pick(p.workflows, rnd);
    const jobCount = 1 + Math.floor(rnd() * 4);
    const jobs: Obj = {};
    for (let j = 0; j < jobCount; j++) {
      const job: Obj = { ...pick(p.jobs, rnd) };
      delete job.needs;
      if (j > 0 && rnd() < 0.5) job.needs = [`job_${j - 1}`];
      if (Array.isArray(job.steps)) {
        const steps = job.steps.map((s) => mutateStep(s, rnd));
        const extra = Math.floor(rnd() * 4);
        for (let k = 0; k < extra; k++)
          steps.splice(Math.floor(rnd() * (steps.length + 1)), 0, mutateStep(pick(p.steps, rnd), rnd));
        job.steps = steps;
      }
      jobs[`job_${j}`] = job;
    }
    const donor = pick(p.workflows, rnd);
    const wf: Obj = { name: `synthetic ${i}`, on: donor.on ?? base.on ?? "push" };
    if (base.permissions !== undefined) wf.permissions = base.permissions;
    if (base.env !== undefined) wf.env = base.env;
    wf.jobs = jobs;
    yield {
      path: `.github/workflows/synthetic-${String(i).padStart(5, "0")}.yml`,
      text: stringify(wf, { lineWidth: 0, aliasDuplicateObjects: false }),
    };
  }
}
