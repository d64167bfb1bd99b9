// For every dependency manifest: is there a lockfile that pins what it installs?
import type { Confidence } from "../../policy/vocabulary";
import { IGNORED_TREES, ecosystemOf, type Ecosystem } from "./ecosystems";
import { isRequirementsPath, pyprojectDeclaresDependencies, requirementsVerdict, type Unpinned } from "./pip";
import { nonEmpty, own, readJson } from "./read-config";
import { isWorkspaceMember, workspaceGlobs, type TextOf } from "./workspaces";

export interface ManifestCoverage {
  manifest: string;
  ecosystem: string;
  status: "locked" | "missing" | "unpinned" | "not-needed" | "unknown";
  /** The lockfile that covers the manifest (the file itself for pinned requirements). */
  lockfile?: string;
  /** Lockfile paths that would satisfy the check. */
  expected: string[];
  unpinned?: Unpinned[];
  reason?: string;
  confidence: Confidence;
  howTo: string;
}

/** Examples, tests and docs rarely ship: their manifests are reported with low confidence. */
const WEAK_TREE = /(^|\/)(examples?|samples?|tests?|docs?)\//;

const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
const join = (d: string, f: string) => (d === "" ? f : `${d}/${f}`);

function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  while (d !== "") {
    d = dirOf(d);
    out.push(d);
  }
  return out;
}

function needsLock(eco: Ecosystem, text: string | null | undefined): boolean {
  if (typeof text !== "string") return true;
  if (eco.id === "npm" || eco.id === "composer") {
    const r = readJson(text);
    if (!r.ok) return true;
    const keys =
      eco.id === "npm"
        ? ["dependencies", "devDependencies", "optionalDependencies", "workspaces"]
        : ["require", "require-dev"];
    return keys.some((k) => nonEmpty(own(r.value, k)));
  }
  if (eco.id === "python") return pyprojectDeclaresDependencies(text) ?? true;
  if (eco.id === "go") return /^\s*require\b/m.test(text);
  return true;
}

export function lockfileCoverage(
  paths: readonly string[],
  textOf: TextOf,
  pathsComplete: boolean,
): ManifestCoverage[] {
  const set = new Set(paths);
  const has = (p: string) => set.has(p);
  const out: ManifestCoverage[] = [];
  const baseConfidence: Confidence = pathsComplete ? "high" : "medium";
  for (const path of [...set].sort()) {
    if (IGNORED_TREES.test(path)) continue;
    if (isRequirementsPath(path)) {
      out.push(requirementsCoverage(path, textOf(path), WEAK_TREE.test(path) ? "low" : baseConfidence));
      continue;
    }
    const eco = ecosystemOf(path);
    if (!eco) continue;
    const dir = dirOf(path);
    const expected = eco.lockfiles.map((l) => join(dir, l));
    const base = { manifest: path, ecosystem: eco.id, expected, howTo: eco.howTo };
    const beside = expected.find(has);
    if (beside) {
      out.push({ ...base, status: "locked", lockfile: beside, confidence: "high" });
      continue;
    }
    if (!needsLock(eco, textOf(path))) {
      out.push({ ...base, status: "not-needed", reason: "declares no dependencies", confidence: "high" });
      continue;
    }
    const covering = eco.ancestors === "none" ? undefined : ancestorLock(eco, dir, has, textOf);
    if (covering) {
      out.push({
        ...base,
        status: "locked",
        lockfile: covering.lockfile,
        confidence: covering.confidence,
        reason: covering.reason,
      });
      continue;
    }
    const weak = eco.id === "maven" || eco.id === "gradle" || WEAK_TREE.test(path);
    out.push({ ...base, status: "missing", confidence: weak ? "low" : baseConfidence });
  }
  return out;
}

function ancestorLock(
  eco: Ecosystem,
  dir: string,
  has: (p: string) => boolean,
  textOf: TextOf,
): { lockfile: string; confidence: Confidence; reason: string } | undefined {
  for (const a of ancestors(dir)) {
    const lock = eco.lockfiles.map((l) => join(a, l)).find(has);
    if (!lock) continue;
    if (eco.ancestors === "any")
      return { lockfile: lock, confidence: "high", reason: `workspace lockfile ${lock}` };
    const globs = workspaceGlobs(a, has, textOf);
    if (globs === null)
      return {
        lockfile: lock,
        confidence: "medium",
        reason: `root lockfile ${lock}; workspace membership could not be read`,
      };
    if (isWorkspaceMember(a, dir, globs))
      return { lockfile: lock, confidence: "high", reason: `workspace member covered by ${lock}` };
  }
  return undefined;
}

function requirementsCoverage(
  path: string,
  text: string | null | undefined,
  confidence: Confidence,
): ManifestCoverage {
  const base = {
    manifest: path,
    ecosystem: "pip",
    expected: [path],
    howTo:
      "pin every requirement with `==` and hashes, e.g. generate it with `uv pip compile --generate-hashes` or `pip-compile --generate-hashes`",
  };
  if (typeof text !== "string")
    return { ...base, status: "unknown", reason: "file text not available", confidence: "low" };
  const v = requirementsVerdict(text);
  if (v.kind === "empty")
    return { ...base, status: "not-needed", reason: "no requirements", confidence: "high" };
  if (v.kind === "pinned") return { ...base, status: "locked", lockfile: path, confidence: "high" };
  return { ...base, status: "unpinned", unpinned: v.unpinned, confidence };
}
