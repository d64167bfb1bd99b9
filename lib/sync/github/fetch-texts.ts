import type { GitHubClient } from "@/lib/github/client";
import {
  BLOB_TEXTS_MAX_PER_QUERY,
  buildBlobTextsQuery,
  type BlobTextsResult,
} from "@/lib/github/queries/blob-texts";
import { FACT_FILES } from "@/lib/github/queries/fact-files";
import type { RawBlob, RawRepoFacts } from "@/lib/github/queries/repo-facts-types";
import { MAX_FILE_BYTES } from "../normalise/files";

// Which file texts to download, and downloading them under a byte budget. Sizes are known
// from the facts query before any text is requested, so a repository stuffed with large
// files costs a recorded skip, not memory. Identical blobs (same oid) are fetched once.

/** GitHub cuts Blob.text here; a larger blob still costs at most this much. */
const GITHUB_TEXT_LIMIT = 512_000;
export const MAX_REPO_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_FILES_PER_REPO = 300;
const QUERY_TEXT_BUDGET = 4 * 1024 * 1024;

export interface WantedText {
  repoNodeId: string;
  path: string;
  blob: RawBlob;
}

const SEGMENT = /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]{1,255}$/;
const cost = (b: RawBlob) => Math.min(b.byteSize ?? 0, GITHUB_TEXT_LIMIT);

/** The repository's workflow and fact-file blobs worth a text, in path order, within its budget. */
export function planTexts(raw: RawRepoFacts): WantedText[] {
  const candidates: Array<{ path: string; blob: RawBlob }> = [];
  for (const e of raw.workflowsTree?.entries ?? []) {
    if (e?.type === "blob" && e.object && typeof e.name === "string" && SEGMENT.test(e.name))
      candidates.push({ path: `.github/workflows/${e.name}`, blob: e.object });
  }
  for (const f of FACT_FILES) {
    const blob = raw[f.alias as `f_${string}`];
    // Absent files are null; a Tree at that path (e.g. a CODEOWNERS directory) has no byteSize.
    if (blob && typeof blob === "object" && "byteSize" in blob) candidates.push({ path: f.path, blob });
  }
  candidates.sort((a, b) => a.path.localeCompare(b.path));
  const out: WantedText[] = [];
  let budget = MAX_REPO_TEXT_BYTES;
  for (const c of candidates) {
    if (c.blob.isBinary || (c.blob.byteSize ?? 0) > MAX_FILE_BYTES) continue; // normaliseBlob records why
    if (out.length >= MAX_FILES_PER_REPO)
      c.blob.skipReason = `more than ${MAX_FILES_PER_REPO} files to read in this repository`;
    else if (cost(c.blob) > budget)
      c.blob.skipReason = `repository text budget (${MAX_REPO_TEXT_BYTES} bytes) exhausted`;
    else {
      budget -= cost(c.blob);
      out.push({ repoNodeId: raw.id, path: c.path, blob: c.blob });
    }
  }
  return out;
}

export function plannedBytes(wanted: readonly WantedText[]): number {
  return wanted.reduce((n, w) => n + cost(w.blob), 0);
}

/** Fetches the texts into the blobs (text/isTruncated), one request per ≤ 4 MB / 200 blobs. */
export async function fetchTexts(client: GitHubClient, wanted: readonly WantedText[]): Promise<void> {
  const byOid = new Map<string, WantedText[]>();
  for (const w of wanted) {
    const key = w.blob.oid ?? `${w.repoNodeId}:${w.path}`;
    byOid.set(key, [...(byOid.get(key) ?? []), w]);
  }
  const unique = [...byOid.values()].map((ws) => ws[0]!);
  const chunks: WantedText[][] = [];
  let current: WantedText[] = [];
  let bytes = 0;
  for (const w of unique) {
    if (
      current.length &&
      (current.length >= BLOB_TEXTS_MAX_PER_QUERY || bytes + cost(w.blob) > QUERY_TEXT_BUDGET)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(w);
    bytes += cost(w.blob);
  }
  if (current.length) chunks.push(current);

  for (const chunk of chunks) {
    const { query, aliases } = buildBlobTextsQuery(chunk);
    const data = await client.octokit.graphql<BlobTextsResult>(query);
    client.stats.graphqlPoints += data.rateLimit?.cost ?? 1;
    // Each node alias rK holds the blob aliases of its repository; flatten them by alias.
    const found = new Map<string, { text: string | null; isTruncated: boolean }>();
    for (const [k, v] of Object.entries(data))
      if (k.startsWith("r") && v)
        for (const [alias, blob] of Object.entries(
          v as Record<string, { text: string | null; isTruncated: boolean } | null>,
        ))
          if (blob) found.set(alias, blob);
    chunk.forEach((w, i) => {
      const blob = found.get(aliases[i]!);
      if (!blob) return;
      for (const same of byOid.get(w.blob.oid ?? `${w.repoNodeId}:${w.path}`) ?? []) {
        same.blob.text = blob.text;
        same.blob.isTruncated = blob.isTruncated;
      }
    });
  }
}
