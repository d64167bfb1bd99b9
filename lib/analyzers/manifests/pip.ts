// Python manifests: a requirements file is its own lock when every requirement is pinned
// (`==`/`===` without wildcards, or `--hash`); pyproject.toml needs a lock only when it
// declares dependencies.
import { nonEmpty, own, readToml } from "./read-config";

export interface Unpinned {
  line: number;
  text: string;
}

export type RequirementsVerdict =
  | { kind: "pinned"; count: number }
  | { kind: "empty" }
  | { kind: "unpinned"; unpinned: Unpinned[]; count: number };

const OPTION_ONLY =
  /^-(r|c|-requirement|-constraint|-index-url|-extra-index-url|i|-find-links|f|-trusted-host|-no-binary|-only-binary|-prefer-binary|-pre|-no-index)\b/;

export function requirementsVerdict(text: string): RequirementsVerdict {
  const lines = text.split(/\r?\n/);
  const unpinned: Unpinned[] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    let l = (lines[i] ?? "").replace(/(^|\s)#.*$/, "").trim();
    const start = i;
    while (l.endsWith("\\") && i + 1 < lines.length)
      l = l.slice(0, -1) + " " + (lines[++i] ?? "").replace(/(^|\s)#.*$/, "").trim();
    if (l === "" || OPTION_ONLY.test(l)) continue;
    // Local paths (`.`, `-e ./pkg`) are the project itself, not a fetched dependency.
    if (/^(-e\s+|--editable[=\s]+)?(\.{1,2}(\/\S*)?|\/\S*)$/.test(l)) continue;
    count++;
    if (/--hash[=\s]/.test(l)) continue;
    const req = l.replace(/\s*;.*$/, "");
    if (/^[^@\s]+\s*@\s*\S+/.test(req) && /[@#]([0-9a-f]{40}|sha256=[0-9a-f]{64})/.test(req)) continue;
    if (/===?\s*[^\s,*]+$/.test(req) && !/[<>~!]=?|,/.test(req.replace(/===?/, ""))) continue;
    unpinned.push({ line: start + 1, text: (lines[start] ?? "").trim() });
  }
  if (count === 0) return { kind: "empty" };
  return unpinned.length === 0 ? { kind: "pinned", count } : { kind: "unpinned", unpinned, count };
}

export function isRequirementsPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^requirements[\w.-]*\.txt$/i.test(base) || /(^|\/)requirements\/[\w.-]+\.txt$/i.test(path);
}

/** true/false when the text says; undefined when it cannot be read. */
export function pyprojectDeclaresDependencies(text: string): boolean | undefined {
  const r = readToml(text);
  if (!r.ok) return undefined;
  const project = own(r.value, "project");
  if (nonEmpty(own(project, "dependencies")) || nonEmpty(own(project, "optional-dependencies"))) return true;
  const poetryDeps = own(own(own(r.value, "tool"), "poetry"), "dependencies");
  if (poetryDeps && typeof poetryDeps === "object" && Object.keys(poetryDeps).some((k) => k !== "python"))
    return true;
  if (nonEmpty(own(r.value, "dependency-groups"))) return true;
  return false;
}
