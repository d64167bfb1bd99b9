// secretlint (recommended preset) over workflow and configuration files. secretlint's API
// is async, so checks call this from their `prepare` step and read the cached result.
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { maskSecret, maskedLine } from "./mask";
import { quietSecretlintProfiler } from "./quiet-profiler";
import { mayHoldSecret } from "./secretlint-anchors";

export interface SecretHit {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  messageId: string;
  /** First 4 characters of the secret followed by ****. */
  masked: string;
  /** The source line with the secret masked. */
  snippet: string;
}

export interface SecretScan {
  hits: SecretHit[];
  scanned: string[];
  /** Files not scanned (too large, no text) with the reason. */
  skipped: Array<{ path: string; reason: string }>;
}

const SECRET_SCAN_LIMITS = { maxFileBytes: 1_000_000, maxTotalBytes: 20_000_000 };

const LOCKFILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock|go\.sum|gradle\.lockfile)$/;
const CONFIG =
  /\.(ya?ml|json5?|toml|ini|cfg|conf|properties|env|tf|tfvars|hcl|xml|sh|npmrc|pypirc)$|(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile|\.env[^/]*|\.npmrc|\.pypirc|\.netrc|\.yarnrc|\.dockercfg|CODEOWNERS)$/i;

/** Workflow and configuration files: what the hardcoded-credential check reads. */
export function isSecretScanTarget(path: string): boolean {
  return !LOCKFILES.test(path) && CONFIG.test(path);
}

/** What secretlint's rules see as `source.ext` (the gcp rule branches on it). */
export function extOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : "";
}

export async function scanSecrets(
  files: ReadonlyArray<{ path: string; text: string | null }>,
): Promise<SecretScan> {
  quietSecretlintProfiler();
  const out: SecretScan = { hits: [], scanned: [], skipped: [] };
  let budget = SECRET_SCAN_LIMITS.maxTotalBytes;
  for (const f of files) {
    if (!isSecretScanTarget(f.path)) continue;
    if (f.text === null) {
      out.skipped.push({ path: f.path, reason: "file content not fetched" });
      continue;
    }
    if (f.text.length > SECRET_SCAN_LIMITS.maxFileBytes || f.text.length > budget) {
      out.skipped.push({ path: f.path, reason: "file too large to scan" });
      continue;
    }
    budget -= f.text.length;
    out.hits.push(...(await scanOne(f.path, f.text)));
    out.scanned.push(f.path);
  }
  return out;
}

/** Built once: the preset with no options (secretlint-anchors.ts assumes every rule's defaults). */
const SECRETLINT_CONFIG = {
  rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }],
};

async function scanOne(path: string, text: string): Promise<SecretHit[]> {
  const ext = extOf(path);
  // No rule could report on this text (the common case): the engine would return nothing.
  if (!mayHoldSecret(text, ext)) return [];
  const result = await lintSource({
    source: { filePath: `/repo/${path}`, content: text, contentType: "text", ext },
    options: { maskSecrets: true, noPhysicFilePath: true, config: SECRETLINT_CONFIG },
  });
  const messages = result.messages.filter((m) => m.type === "message");
  // Almost every file has no hit: split it into lines only when there is one to place.
  if (messages.length === 0) return [];
  const lines = text.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  return messages.map((m) => {
    const line = m.loc.start.line;
    const src = (lines[line - 1] ?? "").replace(/\r$/, "");
    const snippet = maskedLine(src, starts[line - 1] ?? 0, m.range).trim();
    return {
      file: path,
      line,
      column: m.loc.start.column + 1,
      ruleId: m.ruleId,
      messageId: m.messageId,
      masked: maskSecret(text.slice(m.range[0], m.range[1])),
      snippet: snippet.length > 200 ? `${snippet.slice(0, 197)}...` : snippet,
    };
  });
}
