// Which lockfiles answer which manifest. Order matters only for messages.

export interface Ecosystem {
  id: string;
  /** Manifest file names (base names). */
  manifests: string[];
  /** Lockfile base names accepted beside the manifest. */
  lockfiles: string[];
  /** A lockfile in an ancestor directory may cover this manifest (workspaces). */
  ancestors: "workspace" | "any" | "none";
  /** How to create the lock, for remediation text. */
  howTo: string;
}

const ECOSYSTEMS: Ecosystem[] = [
  {
    id: "npm",
    manifests: ["package.json"],
    lockfiles: [
      "package-lock.json",
      "npm-shrinkwrap.json",
      "yarn.lock",
      "pnpm-lock.yaml",
      "bun.lock",
      "bun.lockb",
    ],
    ancestors: "workspace",
    howTo:
      "run `npm install` (or yarn/pnpm/bun install) and commit the lockfile; install with `npm ci` in CI",
  },
  {
    id: "python",
    manifests: ["pyproject.toml"],
    lockfiles: ["poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock", "pylock.toml"],
    ancestors: "any",
    howTo: "run `uv lock` (or `poetry lock` / `pdm lock`) and commit the lockfile",
  },
  {
    id: "pipenv",
    manifests: ["Pipfile"],
    lockfiles: ["Pipfile.lock"],
    ancestors: "none",
    howTo: "run `pipenv lock` and commit Pipfile.lock",
  },
  {
    id: "go",
    manifests: ["go.mod"],
    lockfiles: ["go.sum"],
    ancestors: "none",
    howTo: "run `go mod tidy` and commit go.sum",
  },
  {
    id: "cargo",
    manifests: ["Cargo.toml"],
    lockfiles: ["Cargo.lock"],
    ancestors: "any",
    howTo: "run `cargo generate-lockfile` at the workspace root and commit Cargo.lock",
  },
  {
    id: "bundler",
    manifests: ["Gemfile", "gems.rb"],
    lockfiles: ["Gemfile.lock", "gems.locked"],
    ancestors: "none",
    howTo: "run `bundle lock` and commit Gemfile.lock",
  },
  {
    id: "composer",
    manifests: ["composer.json"],
    lockfiles: ["composer.lock"],
    ancestors: "none",
    howTo: "run `composer update --lock` and commit composer.lock",
  },
  {
    id: "maven",
    manifests: ["pom.xml"],
    lockfiles: ["lockfile.json"],
    ancestors: "any",
    howTo:
      "generate a lockfile with the maven-lockfile plugin (`mvn io.github.chains-project:maven-lockfile:generate`) and commit lockfile.json",
  },
  {
    id: "gradle",
    manifests: ["build.gradle", "build.gradle.kts"],
    lockfiles: ["gradle.lockfile", "gradle/verification-metadata.xml"],
    ancestors: "any",
    howTo:
      "enable dependency locking (`dependencyLocking { lockAllConfigurations() }`, then `./gradlew dependencies --write-locks`) or dependency verification (`./gradlew --write-verification-metadata sha256`) and commit the result",
  },
];

export function ecosystemOf(path: string): Ecosystem | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return ECOSYSTEMS.find((e) => e.manifests.includes(base));
}

/** Third-party or test-data trees whose manifests are not the repository's own dependencies. */
export const IGNORED_TREES =
  /(^|\/)(node_modules|vendor|bower_components|third_party|testdata|__fixtures__|fixtures|\.yarn)\//;
