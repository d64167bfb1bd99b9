// The one test kit of the checks: facts over the shared safe baseline, one clock, and
// a runner that builds the check context the way run-checks does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RepoFacts, RepoFile } from "../facts/types";
import { makeFacts, type FactsOverrides } from "../../testing/facts";
import { defaultPolicy, makeCheckContext } from "../policy";
import type { CheckDefinition, CheckOutcome, Evidence, Policy } from "./types";

/** The one clock of check tests. */
export const NOW = new Date("2025-06-01T00:00:00Z");
export const ctx = makeCheckContext(defaultPolicy, "acme/api", NOW);

/** Runs a check the way the runner does: context from the policy for this repository. */
export function runCheck(
  check: CheckDefinition,
  facts: RepoFacts,
  options: { policy?: Policy; critical?: boolean; now?: Date } = {},
): CheckOutcome {
  const repo = `${facts.owner}/${facts.name}`;
  const policy =
    options.policy ?? (options.critical ? { ...defaultPolicy, criticalRepos: [repo] } : defaultPolicy);
  return check.run(facts, makeCheckContext(policy, repo, options.now ?? NOW));
}

export function factsWith(files: Record<string, string>, overrides: FactsOverrides = {}): RepoFacts {
  return makeFacts({ files: Object.entries(files).map(([p, text]) => ({ path: p, text })), ...overrides });
}

/** Runs a check on one workflow file (`.github/workflows/ci.yml`). */
export function runOn(
  check: CheckDefinition,
  workflow: string,
  overrides: FactsOverrides = {},
): CheckOutcome {
  return check.run(factsWith({ ".github/workflows/ci.yml": workflow }, overrides), ctx);
}

/** Facts from inline files; `paths` defaults to exactly these files (null = not fetched). */
export function inlineFacts(files: Record<string, string | null>, overrides: FactsOverrides = {}): RepoFacts {
  const list: RepoFile[] = Object.entries(files).map(([p, text]) => ({ path: p, text }));
  return makeFacts({ files: list, paths: list.map((f) => f.path), ...overrides });
}

const FIXTURES = path.join(__dirname, "__fixtures__");

function walk(dir: string, base: string, out: RepoFile[]): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) walk(full, rel, out);
    else out.push({ path: rel, text: readFileSync(full, "utf8") });
  }
}

/** A fixture directory (lib/checks/__fixtures__/<repo>) as a repository checkout. */
export function fixtureFacts(repo: string, overrides: FactsOverrides = {}): RepoFacts {
  const files: RepoFile[] = [];
  walk(path.join(FIXTURES, repo), "", files);
  return makeFacts({ files, paths: files.map((f) => f.path), ...overrides });
}

/** Lines of the findings, for asserting where they point. */
export function lines(o: CheckOutcome): number[] {
  return o.findings.map((f) => (f.evidence.kind === "file" ? f.evidence.line : -1));
}

/** The evidence of every finding, as [field, value] (API) or [file, line] pairs. */
export function findingFields(outcome: CheckOutcome): Array<[string, unknown]> {
  return outcome.findings.map((f) => {
    const e: Evidence = f.evidence;
    return e.kind === "api" ? [e.field, e.value] : [e.file, e.line];
  });
}
