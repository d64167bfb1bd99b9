// The zizmor audits Gatehouse shares, and how a Gatehouse finding is matched to one of
// zizmor's expected findings. Pure, so the rule is unit-tested.

/** zizmor audit id → Gatehouse check id; null where the check needs the GitHub API. */
export const SHARED_AUDITS: Record<string, string | null> = {
  // Same name and intent: attacker-controlled `${{ }}` expanded into code.
  "template-injection": "template-injection",
  // Same name: cache restored in a workflow that publishes release artifacts.
  "cache-poisoning": "cache-poisoning",
  // Gatehouse names the sink: writes to GITHUB_ENV / GITHUB_PATH.
  "github-env": "github-env-injection",
  // zizmor's name is the artifact leak; Gatehouse names the cause (persist-credentials).
  artipacked: "persisted-checkout-credentials",
  // Same name: write-all / broad token permissions.
  "excessive-permissions": "excessive-permissions",
  // Gatehouse flags the action reference, singular.
  "unpinned-uses": "unpinned-action",
  // Container images by tag, singular.
  "unpinned-images": "unpinned-image",
  // pull_request_target / workflow_run; Gatehouse's id is singular.
  "dangerous-triggers": "dangerous-trigger",
  // ACTIONS_ALLOW_UNSECURE_COMMANDS.
  "insecure-commands": "insecure-commands",
  // `secrets: inherit` on reusable workflow calls.
  "secrets-inherit": "secrets-inherit",
  // `runs-on: self-hosted`.
  "self-hosted-runner": "self-hosted-runner",
  // `toJSON(secrets)` exposes every secret.
  "overprovisioned-secrets": "overprovisioned-secrets",
  // fromJSON(secrets.X).field escapes log masking; singular in Gatehouse.
  "unredacted-secrets": "unredacted-secret",
  // `github.actor == 'dependabot[bot]'` style conditions.
  "bot-conditions": "spoofable-bot-condition",
  // `if: |` blocks that are always true.
  "unsound-condition": "unsound-condition",
  // Publishing with a stored token where trusted publishing (OIDC) is available.
  "use-trusted-publishing": "long-lived-publish-token",
  // `insecure-external-code-execution: allow` in dependabot.yml.
  "dependabot-execution": "dependabot-insecure-execution",
  // Secrets used by jobs without a deployment environment.
  "secrets-outside-env": "secrets-outside-environment",
  // These need the GitHub API (advisories, commit reachability, archived flag); another
  // branch owns them, and this offline run reports them as unknown.
  "known-vulnerable-actions": null,
  "impostor-commit": null,
  "archived-uses": null,
};

export interface GatehouseFinding {
  check: string;
  file: string;
  line: number | null;
  /** Last line of the YAML node starting at `line` (see nodeEnd); `line` when unknown. */
  end?: number;
  /** First line of the job that `line` is in, outside steps (see unitOf). */
  unit?: number | null;
}

export interface ExpectedFinding {
  check: string;
  file: string;
  line: number;
  end?: number;
  unit?: number | null;
  /** The zizmor line is inside the top-level `on:` or `permissions:` block. */
  workflowLevel: boolean;
}

/**
 * A Gatehouse finding matches an expected one when it is of the mapped check, in the same
 * file, and the YAML nodes the two point at overlap or are adjacent (±1 line). Each tool
 * points at a line that starts a node: zizmor at a step's `run:`/`uses:` key or at the
 * expression, Gatehouse at the key or at the offending line inside a `run:` block; the node
 * (the key and every more-indented line after it) is what both mean.
 * A finding with no line (file-level) matches an expected finding that zizmor puts in the
 * top-level `on:` / `permissions:` block.
 */
export function matches(g: GatehouseFinding, e: ExpectedFinding): boolean {
  if (g.check !== e.check || g.file !== e.file) return false;
  if (g.line === null) return e.workflowLevel;
  if (g.unit != null && g.unit === e.unit) return true;
  return g.line <= (e.end ?? e.line) + 1 && e.line <= (g.end ?? g.line) + 1;
}

/**
 * The first line of the job (a key under top-level `jobs:`) that 1-based `line` is in, when
 * the line is outside the job's steps; else null. Step-level findings are matched by node
 * overlap only, so that one finding cannot stand for every expression of a long script.
 * Ancestors are the earlier lines that are less indented, a `- ` item counting at its dash.
 */
export function unitOf(yaml: string, line: number): number | null {
  const lines = yaml.split(/\r?\n/);
  const chain = ancestry(lines, line);
  const key = (n: number) => (lines[n - 1] ?? "").trim();
  if (chain.some((n) => /^steps:/.test(key(n)))) return null;
  const k = chain.findIndex((_, i) => /^jobs:/.test(lines[(chain[i + 1] ?? 0) - 1] ?? ""));
  return k === -1 ? null : (chain[k] as number);
}

/** 1-based `line` and the lines of the YAML nodes it is inside, innermost first. */
function ancestry(lines: readonly string[], line: number): number[] {
  const indent = (l: string) => /^\s*/.exec(l)?.[0].length ?? 0;
  const chain: number[] = [line];
  let min = indent(lines[line - 1] ?? "");
  for (let i = line - 1; i >= 1 && min > 0; i--) {
    const l = lines[i - 1] as string;
    if (l.trim() === "" || l.trim().startsWith("#")) continue;
    if (indent(l) < min) {
      chain.push(i);
      min = indent(l);
    }
  }
  return chain;
}

/**
 * Whether a `# zizmor: ignore[audit]` comment on 1-based `line` or on a node it is inside
 * (its step, job…) silences `audit` there: zizmor counts such a finding only as "ignored",
 * so a Gatehouse finding at that line is neither expected nor a false positive.
 */
export function zizmorIgnored(yaml: string, line: number, audit: string): boolean {
  const lines = yaml.split(/\r?\n/);
  return ancestry(lines, line).some((n) => {
    const ids = /#\s*zizmor:\s*ignore\[([^\]]*)\]/.exec(lines[n - 1] ?? "")?.[1] ?? "";
    return ids.split(",").some((id) => id.trim() === audit);
  });
}

/** The last line of the YAML node that starts at 1-based `line` (a key and its block). */
export function nodeEnd(yaml: string, line: number): number {
  const lines = yaml.split(/\r?\n/);
  const start = lines[line - 1];
  if (start === undefined) return line;
  // A sequence item's key sits after its "- ".
  const col = /^(\s*(?:-\s+)?)/.exec(start)?.[1]?.length ?? 0;
  let end = line;
  for (let i = line; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() === "") continue;
    if ((/^\s*/.exec(l)?.[0].length ?? 0) <= col) break;
    end = i + 1;
  }
  return end;
}

/** Whether 1-based `line` of a workflow lies in its top-level `on:` or `permissions:` block. */
export function inWorkflowLevelBlock(yaml: string, line: number): boolean {
  const lines = yaml.split(/\r?\n/);
  let current: string | null = null;
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    const key = /^(["']?)([A-Za-z_-]+)\1\s*:/.exec(lines[i] as string);
    if (key) current = key[2] as string;
  }
  return current === "on" || current === "permissions";
}

/**
 * The line of `yaml` that a zizmor finding means: its own line when the text there is what
 * the snapshot quotes, else the one line with that text (the test-data file changed since
 * the snapshot was taken), else null: the text is gone, or it is on several lines and which
 * one was meant cannot be told.
 */
export function anchorLine(yaml: string, line: number, source: string | undefined): number | null {
  if (source === undefined) return line;
  const raw = yaml.split(/\r?\n/);
  const find = (norm: (l: string) => string): number | null => {
    const want = norm(source);
    const lines = raw.map(norm);
    if (lines[line - 1] === want) return line;
    const hits = lines.flatMap((l, i) => (l === want ? [i + 1] : []));
    return hits.length === 1 ? (hits[0] as number) : null;
  };
  // zizmor's test data gains and loses `# zizmor: ignore[…]` comments between commits; the
  // line means the same with or without one, but the exact text is asked first.
  const bare = (l: string) => l.replace(/\s*#\s*zizmor:\s*ignore\[[^\]]*\]\s*$/, "").trim();
  return find((l) => l.trim()) ?? find(bare);
}

export interface AuditScore {
  audit: string;
  check: string | null;
  expected: number;
  found: number;
  recall: number | null;
  /** Gatehouse findings of the mapped check on the scored inputs. */
  reported: number;
  /** Of those, findings zizmor did not expect. */
  unexpected: number;
  fpShare: number | null;
  misses: string[];
  extras: string[];
}

/** Scores every shared audit over expected and reported findings of all scored cases. */
export function scoreAudits(
  expected: ReadonlyArray<Omit<ExpectedFinding, "check"> & { audit: string }>,
  reported: readonly GatehouseFinding[],
): AuditScore[] {
  const fmt = (f: { file: string; line: number | null }) => `${f.file}:${f.line ?? "-"}`;
  return Object.entries(SHARED_AUDITS).map(([audit, check]) => {
    const exp = expected.filter((e) => e.audit === audit);
    if (check === null)
      return {
        audit,
        check,
        expected: exp.length,
        found: 0,
        recall: null,
        reported: 0,
        unexpected: 0,
        fpShare: null,
        misses: [],
        extras: [],
      };
    const rep = reported.filter((g) => g.check === check);
    const misses = exp.filter((e) => !rep.some((g) => matches(g, { ...e, check })));
    const extras = rep.filter((g) => !exp.some((e) => matches(g, { ...e, check })));
    const found = exp.length - misses.length;
    return {
      audit,
      check,
      expected: exp.length,
      found,
      recall: exp.length ? found / exp.length : null,
      reported: rep.length,
      unexpected: extras.length,
      fpShare: rep.length ? extras.length / rep.length : null,
      misses: misses.map(fmt),
      extras: extras.map(fmt),
    };
  });
}
