// CODEOWNERS as GitHub reads it: gitignore-like patterns, the last matching rule wins,
// a rule without owners makes paths unowned, and lines with errors are skipped.
// https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
import { compilePattern, type PathMatcher } from "./pattern";

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  matches: PathMatcher;
}

export interface CodeownersError {
  line: number;
  message: string;
  text: string;
}

export interface Codeowners {
  path: string;
  rules: CodeownersRule[];
  errors: CodeownersError[];
}

const CODEOWNERS_LIMITS = { maxBytes: 3_000_000, maxRules: 20_000, maxPatternLength: 1_000 };

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]{1,100}$/;
const EMAIL = /^[^@\s]{1,200}@[^@\s.]{1,200}(?:\.[^@\s.]{1,63}){1,10}$/;

function isValidOwner(owner: string): boolean {
  return USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner);
}

function unsupported(pattern: string): string | undefined {
  if (pattern.startsWith("!")) return "negation (!) is not supported in CODEOWNERS";
  if (pattern.startsWith("\\#")) return "escaping a leading # is not supported in CODEOWNERS";
  if (pattern.includes("[") || pattern.includes("]"))
    return "character ranges ([ ]) are not supported in CODEOWNERS";
  if (pattern.length > CODEOWNERS_LIMITS.maxPatternLength) return "pattern too long";
  return undefined;
}

export function parseCodeowners(path: string, text: string): Codeowners {
  const out: Codeowners = { path, rules: [], errors: [] };
  if (text.length > CODEOWNERS_LIMITS.maxBytes) {
    // GitHub ignores CODEOWNERS files of 3 MB or more.
    out.errors.push({ line: 0, message: "CODEOWNERS is 3 MB or larger; GitHub ignores it", text: "" });
    return out;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = i + 1;
    const content = raw.replace(/(^|\s)#.*$/, "").trim();
    if (content === "") continue;
    const [pattern = "", ...owners] = content.split(/\s+/);
    const bad = unsupported(pattern);
    if (bad) {
      out.errors.push({ line, message: bad, text: raw.trim() });
      continue;
    }
    const invalid = owners.filter((o) => !isValidOwner(o));
    if (invalid.length > 0) {
      out.errors.push({ line, message: `invalid owner format: ${invalid.join(", ")}`, text: raw.trim() });
      continue;
    }
    if (out.rules.length >= CODEOWNERS_LIMITS.maxRules) {
      out.errors.push({
        line,
        message: `more than ${CODEOWNERS_LIMITS.maxRules} rules; the rest were not read`,
        text: "",
      });
      break;
    }
    out.rules.push({ pattern, owners, line, matches: compilePattern(pattern) });
  }
  return out;
}

/** The rule that decides a path's owners (the last match), or undefined. */
export function ruleFor(co: Codeowners, path: string): CodeownersRule | undefined {
  const p = path.replace(/^\/+/, "");
  for (let i = co.rules.length - 1; i >= 0; i--) {
    const r = co.rules[i];
    if (r && r.matches(p)) return r;
  }
  return undefined;
}

export function ownersOf(co: Codeowners, path: string): string[] {
  return ruleFor(co, path)?.owners ?? [];
}

/**
 * Whether files created in `dir` get an owner: probes a new .yml and .yaml file there
 * (a rule naming only today's files leaves the next workflow unowned).
 */
export function covers(co: Codeowners, dir: string): { covered: boolean; rule?: CodeownersRule } {
  const base = dir.replace(/^\/+/, "").replace(/\/?$/, "/");
  const rules = [`${base}gatehouse-probe.yml`, `${base}gatehouse-probe.yaml`].map((p) => ruleFor(co, p));
  const ok = rules.every((r) => r !== undefined && r.owners.length > 0);
  const rule = rules.find((r) => r !== undefined && (!ok || r.owners.length > 0));
  return rule ? { covered: ok, rule } : { covered: ok };
}
