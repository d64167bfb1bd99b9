// npm/yarn/pnpm workspaces: a member package is covered by the root's lockfile.
import { parse as parseYaml } from "yaml";
import { matchGlob } from "../codeowners/pattern";
import { own, readJson } from "./read-config";

export type TextOf = (path: string) => string | null | undefined;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Workspace globs declared at `rootDir` ("" = repository root): package.json `workspaces`
 * or pnpm-workspace.yaml `packages`. null: a declaration exists but could not be read.
 */
export function workspaceGlobs(
  rootDir: string,
  has: (p: string) => boolean,
  textOf: TextOf,
): string[] | null {
  const prefix = rootDir === "" ? "" : `${rootDir}/`;
  const globs: string[] = [];
  let unreadable = false;
  const pnpm = `${prefix}pnpm-workspace.yaml`;
  if (has(pnpm)) {
    const text = textOf(pnpm);
    if (typeof text !== "string" || text.length > 1_000_000) unreadable = true;
    else {
      try {
        globs.push(...strings(own(parseYaml(text, { maxAliasCount: 10 }), "packages")));
      } catch {
        unreadable = true;
      }
    }
  }
  const pkg = `${prefix}package.json`;
  if (has(pkg)) {
    const text = textOf(pkg);
    if (typeof text !== "string") unreadable = true;
    else {
      const r = readJson(text);
      if (r.ok) {
        const ws = own(r.value, "workspaces");
        globs.push(...strings(ws), ...strings(own(ws, "packages")));
      } else unreadable = true;
    }
  }
  return globs.length === 0 && unreadable ? null : globs;
}

/** Whether `memberDir` is one of the workspace packages declared at `rootDir`. */
export function isWorkspaceMember(rootDir: string, memberDir: string, globs: readonly string[]): boolean {
  const rel = rootDir === "" ? memberDir : memberDir.slice(rootDir.length + 1);
  const positive = globs.filter((g) => !g.startsWith("!"));
  const negative = globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  return positive.some((g) => matchGlob(g, rel)) && !negative.some((g) => matchGlob(g, rel));
}
