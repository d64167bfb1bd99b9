// Shared plumbing of the supply/integrity/ownership checks: repository paths, parsed
// Dockerfiles and Kubernetes files (memoised per facts), and line snippets.
import type { RepoFacts, RepoFile } from "../../facts/types";
import {
  isDockerfilePath,
  parseDockerfile,
  type Dockerfile,
} from "../../analyzers/dockerfile/parse-dockerfile";
import { analyzeManifests, isManifestCandidate, type K8sFile } from "../../analyzers/k8s/analyze-manifests";
import type { Unreadable } from "../unreadable";
import { snippetOf } from "../evidence";

/** Every known path: the full tree when synced, plus the fetched files. */
export function allPaths(facts: RepoFacts): string[] {
  return [...new Set([...(facts.paths ?? []), ...facts.files.map((f) => f.path)])];
}

export function fileOf(facts: RepoFacts, path: string): RepoFile | undefined {
  return facts.files.find((f) => f.path === path);
}

export function textOf(facts: RepoFacts): (path: string) => string | null | undefined {
  const byPath = new Map(facts.files.map((f) => [f.path, f] as const));
  return (p) => {
    const f = byPath.get(p);
    return f && !f.truncated ? f.text : f ? null : undefined;
  };
}

export function memo<T>(compute: (facts: RepoFacts) => T): (facts: RepoFacts) => T {
  const cache = new WeakMap<RepoFacts, T>();
  return (facts) => {
    const hit = cache.get(facts);
    if (hit !== undefined) return hit;
    const v = compute(facts);
    cache.set(facts, v);
    return v;
  };
}

export function unreadable(f: RepoFile): Unreadable | undefined {
  if (f.text === null) return { path: f.path, reason: f.skippedReason ?? "file content not fetched" };
  if (f.truncated) return { path: f.path, reason: f.skippedReason ?? "file was truncated by GitHub" };
  return undefined;
}

export const dockerfilesOf = memo((facts: RepoFacts) => {
  const parsed: Dockerfile[] = [];
  const failures: Unreadable[] = [];
  for (const f of facts.files) {
    if (!isDockerfilePath(f.path)) continue;
    const bad = unreadable(f);
    if (bad || f.text === null) {
      failures.push(bad ?? { path: f.path, reason: "no text" });
      continue;
    }
    const r = parseDockerfile(f.path, f.text);
    if (r.ok) parsed.push(r.dockerfile);
    else failures.push({ path: f.path, reason: r.reason });
  }
  return { parsed, failures };
});

/** Helm templates are Go templates, not YAML: their parse errors say nothing. */
export const isHelmTemplate = (p: string) => /(^|\/)templates\//.test(p);

export const k8sOf = memo((facts: RepoFacts) => {
  const files: K8sFile[] = [];
  const failures: Unreadable[] = [];
  for (const f of facts.files) {
    if (!isManifestCandidate(f.path)) continue;
    if (f.text === null || f.truncated) continue;
    const a = analyzeManifests(f.path, f.text);
    if (a.isKubernetes) files.push(a);
    if (
      a.errors.length > 0 &&
      (a.isKubernetes || /(^|\/)(k8s|kubernetes|manifests|deploy|policies)\//.test(f.path)) &&
      !isHelmTemplate(f.path)
    ) {
      failures.push({ path: f.path, reason: a.errors.join("; ") });
    }
  }
  return { files, failures };
});

export const lineSnippet = snippetOf;
