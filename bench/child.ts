// Runs one benchmark group in this process and prints its figures as the last stdout line,
// adding the process's peak RSS (what the group itself held, not the harness).
import { groupLoaders } from "./registry";
import type { BenchOptions } from "./types";
import { RESULT_PREFIX } from "./types";

async function runChild(): Promise<void> {
  const [name = "", optsJson = "{}"] = process.argv.slice(2);
  const load = groupLoaders[name];
  if (!load) throw new Error(`unknown bench group "${name}"`);
  const group = await load();
  const figures = await group.run(JSON.parse(optsJson) as BenchOptions);
  const peakKey = `${group.name}.peakRssMB`;
  // maxRSS is in kilobytes.
  if (!(peakKey in figures)) figures[peakKey] = round(process.resourceUsage().maxRSS / 1024, 1);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

runChild().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
