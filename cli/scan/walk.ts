// Walks a checkout: every path goes into `paths` (presence checks), the files the
// analyzers read go into `files` with their text. Nothing outside the root is followed,
// and every file that could not be read says why, so a check never passes on a file it
// did not see.
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { RepoFile } from "@/lib/facts/types";
import { ALWAYS_SKIPPED_DIRS } from "./ignore";
import { analysedKind, sizeCapFor } from "./select-files";

export interface WalkOptions {
  maxFileBytes: number;
  isIgnored: (relPath: string) => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface WalkResult {
  paths: string[];
  files: RepoFile[];
  skipped: Skipped[];
}

interface Candidate {
  rel: string;
  abs: string;
  size: number;
  cap: number;
}

export async function walkCheckout(root: string, opts: WalkOptions): Promise<WalkResult> {
  const realRoot = await realpath(root);
  const paths: string[] = [];
  const skipped: Skipped[] = [];
  const candidates: Candidate[] = [];

  const visit = async (dirAbs: string, dirRel: string): Promise<void> => {
    const entries = await readdir(dirAbs, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      skipped.push({ path: dirRel || ".", reason: `unreadable directory: ${err.code ?? err.message}` });
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const abs = path.join(dirAbs, entry.name);
      if (opts.isIgnored(rel)) continue;
      let info = entry.isSymbolicLink() ? null : await lstat(abs);
      if (entry.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => null);
        if (target === null || !isInside(realRoot, target)) {
          skipped.push({
            path: rel,
            reason: target === null ? "broken symlink" : "symlink points outside the scanned directory",
          });
          continue;
        }
        info = await stat(abs);
        // The target is inside the root, so it is scanned at its own path; following a
        // directory link too could loop.
        if (info.isDirectory()) continue;
      }
      if (!info) continue;
      if (info.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRS.has(entry.name)) await visit(abs, rel);
        continue;
      }
      if (!info.isFile()) continue;
      paths.push(rel);
      const kind = analysedKind(rel);
      if (kind) candidates.push({ rel, abs, size: info.size, cap: sizeCapFor(kind, opts.maxFileBytes) });
    }
  };
  await visit(realRoot, "");

  const files: RepoFile[] = [];
  let done = 0;
  for (const c of candidates) {
    const file = await readCandidate(c);
    if (file.skippedReason) skipped.push({ path: c.rel, reason: file.skippedReason });
    files.push(file);
    opts.onProgress?.(++done, candidates.length);
  }
  return { paths, files, skipped };
}

async function readCandidate(c: Candidate): Promise<RepoFile> {
  if (c.size > c.cap) {
    return {
      path: c.rel,
      text: null,
      skippedReason: `larger than ${Math.round(c.cap / 1024)} KiB (${Math.round(c.size / 1024)} KiB)`,
    };
  }
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(c.abs, "r");
    const buf = await handle.readFile();
    // A NUL byte in the head means binary (e.g. bun.lockb): keep its presence, not its bytes.
    if (buf.subarray(0, 8192).includes(0)) return { path: c.rel, text: null, skippedReason: "binary file" };
    // Invalid UTF-8 would be silently replaced with U+FFFD and analysed as something the
    // file does not say; record it instead.
    try {
      return { path: c.rel, text: UTF8.decode(buf) };
    } catch {
      return { path: c.rel, text: null, skippedReason: "not valid UTF-8" };
    }
  } catch (err) {
    return {
      path: c.rel,
      text: null,
      skippedReason: `unreadable: ${err instanceof Error ? err.message : String(err)}`,
    };
  } finally {
    await handle?.close();
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
