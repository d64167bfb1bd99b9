import type { RepoFile } from "@/lib/facts/types";
import { FACT_FILES } from "@/lib/github/queries/fact-files";
import type { RawBlob, RawRepoFacts, RawTree } from "@/lib/github/queries/repo-facts-types";
import { LONE_SURROGATE, cleanSegment, type IssueSink } from "./issues";

/** Texts above this are withheld: analyzers gain nothing from them and rows stay small. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function normaliseBlob(path: string, blob: RawBlob, sink: IssueSink): RepoFile {
  const skip = (reason: string): RepoFile => {
    sink({ kind: "file_skipped", subject: path, reason });
    return { path, text: null, skippedReason: reason };
  };
  if (blob.skipReason) return skip(blob.skipReason);
  if (blob.isBinary) return skip("binary file");
  const size = blob.byteSize ?? 0;
  if (size > MAX_FILE_BYTES) return skip(`file too large (${size} bytes > ${MAX_FILE_BYTES})`);
  const text = blob.text;
  if (typeof text !== "string") return skip("GitHub returned no text");
  if (text.length > MAX_FILE_BYTES) return skip(`text too large (${text.length} characters)`);
  // Postgres text/jsonb cannot hold NUL; such a file is binary in disguise.
  if (text.includes("\u0000")) return skip("contains NUL bytes");
  if (LONE_SURROGATE.test(text)) return skip("not valid Unicode text");
  if (blob.isTruncated) {
    const reason = "truncated by GitHub (Blob.isTruncated)";
    sink({ kind: "file_skipped", subject: path, reason });
    return { path, text, truncated: true, skippedReason: reason };
  }
  return { path, text };
}

function listDir(
  tree: RawTree | null | undefined,
  dir: string,
  sink: IssueSink,
): Array<{ path: string; type: string; blob: RawBlob | null }> {
  const out: Array<{ path: string; type: string; blob: RawBlob | null }> = [];
  for (const entry of tree?.entries ?? []) {
    const name = cleanSegment(entry?.name, dir, sink);
    if (name === null) continue;
    out.push({ path: dir ? `${dir}/${name}` : name, type: entry.type, blob: entry.object ?? null });
  }
  return out;
}

/**
 * Files the analyzers read plus the known paths. `paths` lists the blobs of whole
 * directories (root, .github, .github/workflows, docs), so a manifest it names always
 * has its siblings (e.g. the lockfile) listed too.
 */
export function normaliseFiles(raw: RawRepoFacts, sink: IssueSink): { files: RepoFile[]; paths: string[] } {
  const files = new Map<string, RepoFile>();
  const paths = new Set<string>();
  const dirs: Array<[RawTree | null | undefined, string]> = [
    [raw.rootTree, ""],
    [raw.githubTree, ".github"],
    [raw.docsTree, "docs"],
    [raw.workflowsTree, ".github/workflows"],
  ];
  for (const [tree, dir] of dirs) {
    for (const e of listDir(tree, dir, sink)) {
      if (e.type !== "blob") continue;
      paths.add(e.path);
      if (dir === ".github/workflows" && e.blob) files.set(e.path, normaliseBlob(e.path, e.blob, sink));
    }
  }
  for (const spec of FACT_FILES) {
    const blob = raw[spec.alias as `f_${string}`];
    if (!blob || typeof blob !== "object" || !("byteSize" in blob || "text" in blob)) continue;
    files.set(spec.path, normaliseBlob(spec.path, blob, sink));
    paths.add(spec.path);
  }
  const sorted = [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { files: sorted, paths: [...paths].sort() };
}
