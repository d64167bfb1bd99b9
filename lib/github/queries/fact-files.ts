// Files whose text the facts query asks for by exact path. GraphQL cannot filter tree
// entries, and asking for every root blob's text would pull lockfiles of many MB, so
// texts come only for these names; presence of everything else comes from tree entries.

export interface FactFileSpec {
  alias: string;
  path: string;
}

const PATHS = [
  ".github/CODEOWNERS",
  "CODEOWNERS",
  "docs/CODEOWNERS",
  ".github/dependabot.yml",
  ".github/dependabot.yaml",
  "renovate.json",
  "renovate.json5",
  ".renovaterc",
  ".renovaterc.json",
  ".github/renovate.json",
  ".github/renovate.json5",
  "Dockerfile",
  "Containerfile",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yaml",
  "action.yml",
  "action.yaml",
  "package.json",
  "pyproject.toml",
  "requirements.txt",
  "go.mod",
  "Cargo.toml",
  "Gemfile",
  "composer.json",
] as const;

function aliasFor(path: string): string {
  return "f_" + path.replace(/[^A-Za-z0-9]/g, "_");
}

export const FACT_FILES: readonly FactFileSpec[] = PATHS.map((path) => ({ alias: aliasFor(path), path }));
