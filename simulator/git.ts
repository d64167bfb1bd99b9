import { createHash } from "node:crypto";
import type { RepoFixture } from "./fixture/types";

// Git object ids computed exactly as git does (sha1 over "<type> <len>\0<body>"), so a change
// to any file changes its blob, every enclosing tree and the head commit, and nothing else.

export interface GitBlob {
  type: "blob";
  name: string;
  path: string;
  oid: string;
  text: string;
  byteSize: number;
}

export interface GitTree {
  type: "tree";
  name: string;
  path: string;
  oid: string;
  entries: Array<GitBlob | GitTree>;
}

export interface RepoGit {
  commitOid: string;
  root: GitTree;
  /** Every blob and tree by path ("" is the root). */
  byPath: Map<string, GitBlob | GitTree>;
  byOid: Map<string, GitBlob | GitTree>;
}

function hashObject(type: string, body: Buffer): string {
  return createHash("sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

// Blob oids are cached by text: generated orgs share one string across many repos.
const blobOidByText = new Map<string, string>();

function blobOid(text: string): string {
  let oid = blobOidByText.get(text);
  if (!oid) {
    oid = hashObject("blob", Buffer.from(text, "utf8"));
    if (blobOidByText.size > 50_000) blobOidByText.clear();
    blobOidByText.set(text, oid);
  }
  return oid;
}

// Git sorts tree entries by name, comparing a directory as if its name ended in "/".
function gitOrder(a: GitBlob | GitTree, b: GitBlob | GitTree): number {
  const ka = a.type === "tree" ? `${a.name}/` : a.name;
  const kb = b.type === "tree" ? `${b.name}/` : b.name;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function finishTree(t: GitTree): void {
  t.entries.sort(gitOrder);
  const parts: Buffer[] = [];
  for (const e of t.entries) {
    if (e.type === "tree") finishTree(e);
    parts.push(
      Buffer.from(`${e.type === "tree" ? "40000" : "100644"} ${e.name}\0`, "utf8"),
      Buffer.from(e.oid, "hex"),
    );
  }
  t.oid = hashObject("tree", Buffer.concat(parts));
}

export function buildRepoGit(repo: RepoFixture, orgLogin: string): RepoGit {
  const root: GitTree = { type: "tree", name: "", path: "", oid: "", entries: [] };
  const byPath = new Map<string, GitBlob | GitTree>([["", root]]);
  for (const [path, text] of Object.entries(repo.files)) {
    const segs = path.split("/");
    let dir = root;
    for (let i = 0; i < segs.length - 1; i++) {
      const p = segs.slice(0, i + 1).join("/");
      let next = byPath.get(p);
      if (!next) {
        next = { type: "tree", name: segs[i]!, path: p, oid: "", entries: [] };
        dir.entries.push(next);
        byPath.set(p, next);
      }
      dir = next as GitTree;
    }
    const blob: GitBlob = {
      type: "blob",
      name: segs[segs.length - 1]!,
      path,
      oid: blobOid(text),
      text,
      byteSize: Buffer.byteLength(text, "utf8"),
    };
    dir.entries.push(blob);
    byPath.set(path, blob);
  }
  finishTree(root);
  const when = Math.floor(Date.parse(repo.config.pushedAt) / 1000);
  const author = `${orgLogin}-bot <bot@${orgLogin}.example> ${when} +0000`;
  const commitBody = `tree ${root.oid}\nauthor ${author}\ncommitter ${author}\n\n${repo.config.headMessage}\n`;
  const commitOid = hashObject("commit", Buffer.from(commitBody, "utf8"));
  const byOid = new Map<string, GitBlob | GitTree>();
  for (const o of byPath.values()) byOid.set(o.oid, o);
  return { commitOid, root, byPath, byOid };
}
