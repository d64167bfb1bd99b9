import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";

// Git objects point back at their repository (`Commit.repository`, `TreeEntry.repository`).
// model-repo builds repositories and passes this thunk in, so the two modules do not
// import each other.
export type RepositoryOf = () => Record<string, unknown>;
import type { GitBlob, GitTree, RepoGit } from "../git";
import { nodeId } from "./connection";

// Git objects as GraphQL sees them: Commit → Tree → TreeEntry → Blob/Tree.

/** GitHub cuts Blob.text at 512,000 bytes and sets isTruncated. */
const BLOB_TEXT_LIMIT = 512_000;

function cut(text: string, bytes: number): string {
  const buf = Buffer.from(text, "utf8");
  return buf.length <= bytes
    ? text
    : buf
        .subarray(0, bytes)
        .toString("utf8")
        .replace(/\uFFFD$/, "");
}

function blobObject(ctx: SimContext, repo: RepoFixture, b: GitBlob) {
  let content: { text: string; truncated: boolean } | null = null;
  const get = () => (content ??= textOf(ctx, b));
  return {
    __typename: "Blob",
    id: nodeId("B", `${repo.id}:${b.oid}`),
    oid: b.oid,
    abbreviatedOid: b.oid.slice(0, 7),
    byteSize: b.byteSize,
    isBinary: b.text.includes("\0"),
    commitUrl: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/commit/${b.oid}`,
    commitResourcePath: `/${ctx.org.login}/${repo.name}/commit/${b.oid}`,
    // Resolved lazily so truncation faults count only blobs whose text was asked for.
    text: () => (b.text.includes("\0") ? null : get().text),
    isTruncated: () => get().truncated,
  };
}

const truncCache = new WeakMap<GitBlob, { text: string; truncated: boolean }>();

function textOf(ctx: SimContext, b: GitBlob): { text: string; truncated: boolean } {
  const fault = ctx.faults.truncation(b.path);
  if (fault !== null)
    return b.byteSize > fault
      ? { text: cut(b.text, fault), truncated: true }
      : { text: b.text, truncated: false };
  let t = truncCache.get(b);
  if (!t) {
    t =
      b.byteSize > BLOB_TEXT_LIMIT
        ? { text: cut(b.text, BLOB_TEXT_LIMIT), truncated: true }
        : { text: b.text, truncated: false };
    truncCache.set(b, t);
  }
  return t;
}

function treeObject(
  ctx: SimContext,
  repo: RepoFixture,
  t: GitTree,
  repositoryOf: RepositoryOf,
): Record<string, unknown> {
  return {
    __typename: "Tree",
    id: nodeId("T", `${repo.id}:${t.oid}`),
    oid: t.oid,
    abbreviatedOid: t.oid.slice(0, 7),
    commitUrl: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/tree/${t.oid}`,
    commitResourcePath: `/${ctx.org.login}/${repo.name}/tree/${t.oid}`,
    entries: () =>
      t.entries.map((e) => ({
        name: e.name,
        nameRaw: Buffer.from(e.name).toString("base64"),
        path: e.path,
        pathRaw: Buffer.from(e.path).toString("base64"),
        type: e.type,
        mode: e.type === "tree" ? 16384 : 33188,
        oid: e.oid,
        size: e.type === "blob" ? e.byteSize : 0,
        extension: e.type === "blob" && e.name.includes(".") ? e.name.slice(e.name.lastIndexOf(".")) : null,
        isGenerated: false,
        lineCount: e.type === "blob" ? e.text.split("\n").length : null,
        language: null,
        submodule: null,
        object: () => gitObject(ctx, repo, e, repositoryOf),
        repository: repositoryOf,
      })),
  };
}

function gitObject(ctx: SimContext, repo: RepoFixture, o: GitBlob | GitTree, repositoryOf: RepositoryOf) {
  return o.type === "blob" ? blobObject(ctx, repo, o) : treeObject(ctx, repo, o, repositoryOf);
}

export function commitObject(ctx: SimContext, repo: RepoFixture, git: RepoGit, repositoryOf: RepositoryOf) {
  const msg = repo.config.headMessage;
  return {
    __typename: "Commit",
    id: nodeId("C", `${repo.id}:${git.commitOid}`),
    oid: git.commitOid,
    abbreviatedOid: git.commitOid.slice(0, 7),
    message: msg,
    messageHeadline: msg.split("\n")[0],
    messageBody: msg.split("\n").slice(1).join("\n"),
    committedDate: repo.config.pushedAt,
    authoredDate: repo.config.pushedAt,
    pushedDate: repo.config.pushedAt,
    url: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/commit/${git.commitOid}`,
    commitUrl: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/commit/${git.commitOid}`,
    commitResourcePath: `/${ctx.org.login}/${repo.name}/commit/${git.commitOid}`,
    tree: () => treeObject(ctx, repo, git.root, repositoryOf),
    repository: repositoryOf,
  };
}

/** `object(expression:)`: "HEAD:path", "<branch>:path", "<commit oid>:path" or a bare oid. */
export function resolveExpression(
  ctx: SimContext,
  repo: RepoFixture,
  expression: string,
  repositoryOf: RepositoryOf,
) {
  const git = ctx.git(repo);
  const colon = expression.indexOf(":");
  const rev = colon < 0 ? expression : expression.slice(0, colon);
  const isHead = [
    "HEAD",
    repo.config.defaultBranch,
    `refs/heads/${repo.config.defaultBranch}`,
    git.commitOid,
  ].includes(rev);
  if (colon < 0) {
    if (isHead) return commitObject(ctx, repo, git, repositoryOf);
    const o = git.byOid.get(rev);
    return o ? gitObject(ctx, repo, o, repositoryOf) : null;
  }
  if (!isHead) return null;
  const p = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const o = git.byPath.get(p);
  return o ? gitObject(ctx, repo, o, repositoryOf) : null;
}
