// Loads a fixture directory as a repository checkout (files + full path list).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RepoFacts, RepoFile } from "../../facts/types";
import { makeFacts, type FactsOverrides } from "../../../testing/facts";

const ROOT = path.join(__dirname, "__fixtures__");

function walk(dir: string, base: string, out: RepoFile[]): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) walk(full, rel, out);
    else out.push({ path: rel, text: readFileSync(full, "utf8") });
  }
}

export function fixtureFacts(repo: string, overrides: FactsOverrides = {}): RepoFacts {
  const files: RepoFile[] = [];
  walk(path.join(ROOT, repo), "", files);
  return makeFacts({ files, paths: files.map((f) => f.path), ...overrides });
}

/** Facts from inline files; `paths` defaults to exactly these files. */
export function inlineFacts(files: Record<string, string | null>, overrides: FactsOverrides = {}): RepoFacts {
  const list: RepoFile[] = Object.entries(files).map(([p, text]) => ({ path: p, text }));
  return makeFacts({ files: list, paths: list.map((f) => f.path), ...overrides });
}
