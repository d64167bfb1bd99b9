// Which files of a checkout the analyzers read. Everything else only contributes its path
// (presence checks such as "is there a lockfile beside this manifest").

const MANIFESTS = new Set([
  "package.json",
  "pyproject.toml",
  "pipfile",
  "setup.py",
  "setup.cfg",
  "go.mod",
  "cargo.toml",
  "gemfile",
  "composer.json",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "mix.exs",
  "deno.json",
  "deno.jsonc",
]);

const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "poetry.lock",
  "pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "go.sum",
  "cargo.lock",
  "gemfile.lock",
  "composer.lock",
  "gradle.lockfile",
  "packages.lock.json",
  "mix.lock",
  "pubspec.lock",
  "deno.lock",
]);

const RENOVATE = new Set([
  "renovate.json",
  "renovate.json5",
  ".renovaterc",
  ".renovaterc.json",
  ".renovaterc.json5",
]);

export type FileKind =
  | "workflow"
  | "action"
  | "codeowners"
  | "dockerfile"
  | "yaml"
  | "terraform"
  | "manifest"
  | "lockfile"
  | "renovate";

/** The kind of an analysed file, or null when only its path matters. `path` is relative, with `/`. */
export function analysedKind(path: string): FileKind | null {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf("/") + 1);
  const yaml = base.endsWith(".yml") || base.endsWith(".yaml");
  if (yaml && lower.startsWith(".github/workflows/")) return "workflow";
  if (base === "action.yml" || base === "action.yaml") return "action";
  if (base === "codeowners") return "codeowners";
  if (
    base === "dockerfile" ||
    base === "containerfile" ||
    base.startsWith("dockerfile.") ||
    base.endsWith(".dockerfile")
  )
    return "dockerfile";
  if (LOCKFILES.has(base) || /^requirements.*\.lock$/.test(base)) return "lockfile";
  if (MANIFESTS.has(base) || /^requirements.*\.(txt|in)$/.test(base)) return "manifest";
  if (RENOVATE.has(base)) return "renovate";
  // k8s manifests, Helm charts and values, compose files, dependabot, admission policies.
  if (yaml) return "yaml";
  if (base.endsWith(".tf") || base.endsWith(".tf.json") || base.endsWith(".tfvars") || base.endsWith(".hcl"))
    return "terraform";
  return null;
}

/** Lockfiles are only needed for their presence; their text may be big, so they get more room. */
export function sizeCapFor(kind: FileKind, defaultCap: number): number {
  return kind === "lockfile" ? defaultCap * 8 : defaultCap;
}
