// Which steps restore (and save) a GitHub Actions cache, as data: the action, the input
// that controls its cache, and what the action does when the input is absent. Each row
// names the action.yml (or README) that documents the input and its default.
import type { Step } from "../../analyzers/workflow/model";

type Control =
  /** The cache is on when the input holds one of `on` (or any value but false/empty, with `on: "any"`). */
  | { kind: "opt-in"; input: string; on: readonly string[] | "any"; byDefault: boolean; fromMajor?: number }
  /** The cache is on unless the input is true (e.g. `lookup-only`, `no-cache`). */
  | { kind: "opt-out"; input: string; off: readonly string[] }
  | { kind: "always" };

export interface CacheAction {
  action: string;
  controls: readonly Control[];
  source: string;
}

const TRUE = ["true"] as const;
const TRUTHY = ["true", "yes", "1"] as const;

export const CACHE_ACTIONS: readonly CacheAction[] = [
  {
    action: "actions/cache",
    controls: [{ kind: "opt-out", input: "lookup-only", off: TRUE }],
    source: "https://github.com/actions/cache/blob/main/action.yml",
  },
  {
    action: "actions/cache/restore",
    controls: [{ kind: "opt-out", input: "lookup-only", off: TRUE }],
    source: "https://github.com/actions/cache/blob/main/restore/action.yml",
  },
  {
    action: "actions/setup-go",
    controls: [{ kind: "opt-in", input: "cache", on: TRUE, byDefault: true }],
    source: "https://github.com/actions/setup-go/blob/main/action.yml (cache: default true)",
  },
  {
    action: "actions/setup-node",
    controls: [
      { kind: "opt-in", input: "cache", on: ["npm", "yarn", "pnpm"], byDefault: false },
      // v5 caches the package manager named in package.json by default.
      { kind: "opt-in", input: "package-manager-cache", on: TRUE, byDefault: true, fromMajor: 5 },
    ],
    source: "https://github.com/actions/setup-node/blob/main/action.yml (package-manager-cache since v5)",
  },
  {
    action: "actions/setup-python",
    controls: [{ kind: "opt-in", input: "cache", on: "any", byDefault: false }],
    source: "https://github.com/actions/setup-python/blob/main/action.yml",
  },
  {
    action: "actions/setup-java",
    controls: [{ kind: "opt-in", input: "cache", on: "any", byDefault: false }],
    source: "https://github.com/actions/setup-java/blob/main/action.yml",
  },
  {
    action: "actions/setup-dotnet",
    controls: [{ kind: "opt-in", input: "cache", on: TRUE, byDefault: false }],
    source: "https://github.com/actions/setup-dotnet/blob/main/action.yml",
  },
  {
    action: "astral-sh/setup-uv",
    // `auto` turns the cache on for GitHub-hosted runners, where releases usually run; it is
    // the default since v5 ("Default to enable-cache: true on GitHub hosted runners").
    controls: [
      { kind: "opt-in", input: "enable-cache", on: ["true", "auto"], byDefault: true, fromMajor: 5 },
    ],
    source: "https://github.com/astral-sh/setup-uv/releases/tag/v5.0.0",
  },
  {
    action: "swatinem/rust-cache",
    controls: [{ kind: "opt-out", input: "lookup-only", off: TRUE }],
    source: "https://github.com/Swatinem/rust-cache/blob/master/action.yml",
  },
  {
    action: "actions-rust-lang/setup-rust-toolchain",
    controls: [{ kind: "opt-in", input: "cache", on: TRUE, byDefault: true }],
    source: "https://github.com/actions-rust-lang/setup-rust-toolchain/blob/main/action.yml",
  },
  {
    action: "pyo3/maturin-action",
    controls: [{ kind: "opt-in", input: "sccache", on: TRUE, byDefault: false }],
    source: "https://github.com/PyO3/maturin-action/blob/main/action.yml",
  },
  {
    action: "ruby/setup-ruby",
    controls: [{ kind: "opt-in", input: "bundler-cache", on: TRUE, byDefault: false }],
    source: "https://github.com/ruby/setup-ruby/blob/master/action.yml",
  },
  {
    action: "ramsey/composer-install",
    controls: [{ kind: "opt-out", input: "ignore-cache", off: TRUTHY }],
    source: "https://github.com/ramsey/composer-install/blob/v3/action.yml",
  },
  {
    action: "gradle/actions/setup-gradle",
    controls: [{ kind: "opt-out", input: "cache-disabled", off: TRUE }],
    source: "https://github.com/gradle/actions/blob/main/setup-gradle/action.yml",
  },
  {
    action: "gradle/gradle-build-action",
    controls: [{ kind: "opt-out", input: "cache-disabled", off: TRUE }],
    source: "https://github.com/gradle/gradle-build-action/blob/main/action.yml",
  },
  {
    action: "graalvm/setup-graalvm",
    controls: [{ kind: "opt-in", input: "cache", on: "any", byDefault: false }],
    source: "https://github.com/graalvm/setup-graalvm/blob/main/action.yml",
  },
  {
    action: "oven-sh/setup-bun",
    controls: [{ kind: "opt-out", input: "no-cache", off: TRUE }],
    source: "https://github.com/oven-sh/setup-bun/blob/main/action.yml",
  },
  {
    action: "mlugg/setup-zig",
    controls: [{ kind: "opt-in", input: "use-cache", on: TRUE, byDefault: true }],
    source: "https://github.com/mlugg/setup-zig/blob/main/action.yml",
  },
  {
    action: "jdx/mise-action",
    controls: [{ kind: "opt-in", input: "cache", on: TRUE, byDefault: true }],
    source: "https://github.com/jdx/mise-action/blob/main/action.yml",
  },
  {
    action: "determinatesystems/magic-nix-cache-action",
    controls: [{ kind: "opt-in", input: "use-gha-cache", on: TRUE, byDefault: true }],
    source: "https://github.com/DeterminateSystems/magic-nix-cache-action/blob/main/action.yml",
  },
  {
    action: "mozilla-actions/sccache-action",
    controls: [{ kind: "always" }],
    source: "https://github.com/Mozilla-Actions/sccache-action",
  },
  {
    action: "nix-community/cache-nix-action",
    controls: [{ kind: "always" }],
    source: "https://github.com/nix-community/cache-nix-action",
  },
  {
    action: "awalsh128/cache-apt-pkgs-action",
    controls: [{ kind: "always" }],
    source: "https://github.com/awalsh128/cache-apt-pkgs-action",
  },
];

export interface CacheUse {
  /** What turns the cache on, for the message (e.g. "actions/setup-go (caches by default)"). */
  what: string;
  /** The input to change to turn it off, when there is one. */
  input?: string;
  /** The value of `input` that turns the cache off. */
  offValue?: string;
  /** Enabled through an expression the check cannot evaluate. */
  conditional: boolean;
}

/** `${{ false }}`, `!startsWith(github.ref, 'refs/tags/')` and similar are off for a tag release. */
function expressionValue(v: string): "on" | "off" | "maybe" | null {
  const m = /^\$\{\{\s*(.*?)\s*\}\}$/s.exec(v);
  if (!m) return null;
  const e = (m[1] ?? "").replace(/\s+/g, " ").toLowerCase();
  if (e === "true") return "on";
  if (e === "false") return "off";
  if (/^!\s*startswith\(github\.ref, ?'refs\/tags\/'\)$/.test(e) || /github\.ref_type != 'tag'/.test(e))
    return "off";
  return "maybe";
}

/**
 * The action's major version: from a tag ref, or for a SHA pin from the version comment
 * Dependabot and Renovate write after it (`@<sha> # v5.0.0`), read off the source line.
 */
function majorOf(step: Step, lines: readonly string[]): number | null {
  const ref = step.uses?.value.split("@")[1] ?? "";
  if (!/^[0-9a-f]{40}$/i.test(ref)) {
    const m = /^v?(\d+)/.exec(ref);
    return m ? Number(m[1]) : null;
  }
  const line = step.uses ? (lines[step.uses.pos.line - 1] ?? "") : "";
  const c = /#\s*(?:tag=)?v?(\d+)[.\s]/.exec(`${line} `);
  return c ? Number(c[1]) : null;
}

function controlOn(step: Step, c: Control, lines: readonly string[]): { on: boolean; conditional: boolean } {
  if (c.kind === "always") return { on: true, conditional: false };
  const raw = step.with[c.input]?.value.trim();
  const expr = raw === undefined ? null : expressionValue(raw);
  if (expr === "maybe") return { on: true, conditional: true };
  if (expr) {
    const on = expr === "on";
    return { on: c.kind === "opt-in" ? on : !on, conditional: false };
  }
  const v = raw?.toLowerCase();
  if (c.kind === "opt-out") return { on: v === undefined || !c.off.includes(v), conditional: false };
  if (v === undefined || v === "") {
    const major = majorOf(step, lines);
    const applies = c.fromMajor === undefined || (major !== null && major >= c.fromMajor);
    return { on: c.byDefault && applies, conditional: false };
  }
  if (c.on === "any") return { on: v !== "false", conditional: false };
  return { on: c.on.includes(v), conditional: false };
}

/** The cache a step restores, or null. `lines` is the workflow's source (for pin comments). */
export function cacheUse(step: Step, lines: readonly string[]): CacheUse | null {
  if (!step.uses) return null;
  const name = step.uses.value.split("@")[0]?.toLowerCase() ?? "";
  if (name === "actions/cache/save") return null;
  if (name === "docker/build-push-action" && (step.with["cache-from"]?.value ?? "").includes("type=gha"))
    return { what: "docker/build-push-action cache-from: type=gha", input: "cache-from", conditional: false };
  const row = CACHE_ACTIONS.find((r) => name === r.action);
  if (!row) return null;
  for (const c of row.controls) {
    const { on, conditional } = controlOn(step, c, lines);
    if (!on) continue;
    if (c.kind === "always") return { what: row.action, conditional };
    const set = step.with[c.input] !== undefined;
    const what = set
      ? `${row.action} ${c.input}: ${step.with[c.input]!.value.trim()}`
      : `${row.action} (caches by default)`;
    const offValue = c.kind === "opt-out" ? "true" : "false";
    return { what, input: c.input, offValue, conditional };
  }
  return null;
}
