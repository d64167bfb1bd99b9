// Reads which contexts a `${{ }}` expression touches by walking the AST of GitHub's own
// expression parser (@actions/expressions), not by pattern-matching the text.
//
// Paths are dot-joined segments as written: `github.event.issue.title`,
// `github.event.commits.*.message` (star and numeric indexes become segments),
// `secrets[computed]` for an index whose key is computed at run time.
import { Lexer, Parser, wellKnownFunctions } from "@actions/expressions";
import {
  ContextAccess,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Star,
} from "@actions/expressions/ast";
import type { Expr } from "@actions/expressions";
import { TokenType } from "@actions/expressions/lexer";
import type { Token } from "@actions/expressions/lexer";

export const COMPUTED_INDEX = "[computed]";

export interface ExpressionAnalysis {
  /** Every context path read anywhere in the expression. */
  contexts: string[];
  /** Paths whose content can reach the expression's value (not only a boolean or hash derived from it). */
  valueContexts: string[];
  /** Set when GitHub's parser rejected the expression; contexts then come from the token stream. */
  error?: string;
}

const KNOWN_CONTEXTS = [
  "github",
  "env",
  "vars",
  "job",
  "jobs",
  "steps",
  "runner",
  "secrets",
  "strategy",
  "matrix",
  "needs",
  "inputs",
];
// Status and hash functions exist only in the workflow layer, not in the expressions package.
const STATUS_FUNCTIONS = [
  { name: "success", minArgs: 0, maxArgs: 0 },
  { name: "always", minArgs: 0, maxArgs: 0 },
  { name: "failure", minArgs: 0, maxArgs: 0 },
  { name: "cancelled", minArgs: 0, maxArgs: 0 },
  { name: "hashFiles", minArgs: 1, maxArgs: 255 },
];
// Functions whose result carries none of their arguments' text.
const OPAQUE_FUNCTIONS = new Set([
  "contains",
  "startswith",
  "endswith",
  "success",
  "always",
  "failure",
  "cancelled",
  "hashfiles",
]);

// The same few hundred expressions (`secrets.GITHUB_TOKEN`, `matrix.os`, `github.ref == …`)
// recur across every workflow of an organisation; lexing and parsing each occurrence again
// was a tenth of the analyzer's time. Bounded: cleared when full, so hostile input cannot grow it.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, ExpressionAnalysis>();

/** Fresh arrays per call: callers may keep or extend what they get. */
export function analyzeExpression(expr: string): ExpressionAnalysis {
  let a = memo.get(expr);
  if (a === undefined) {
    a = analyze(expr);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(expr, a);
  }
  const copy: ExpressionAnalysis = { contexts: [...a.contexts], valueContexts: [...a.valueContexts] };
  if (a.error !== undefined) copy.error = a.error;
  return copy;
}

function analyze(expr: string): ExpressionAnalysis {
  let tokens: Token[];
  try {
    tokens = new Lexer(expr).lex().tokens;
  } catch (e) {
    return { contexts: [], valueContexts: [], error: errorText(e) };
  }
  try {
    const { contexts, functions } = lenientNames(tokens);
    const ast = new Parser(
      tokens,
      [...KNOWN_CONTEXTS, ...contexts],
      [...STATUS_FUNCTIONS, ...functions],
    ).parse();
    const acc = new Accumulator();
    if (ast) acc.visit(ast, true);
    return acc.result();
  } catch (e) {
    const fallback = pathsFromTokens(tokens);
    return { contexts: fallback, valueContexts: fallback, error: errorText(e) };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Unknown names are accepted so a typo'd context still yields its paths rather than nothing. */
function lenientNames(tokens: Token[]): {
  contexts: string[];
  functions: Array<{ name: string; minArgs: number; maxArgs: number }>;
} {
  const contexts: string[] = [];
  const functions: Array<{ name: string; minArgs: number; maxArgs: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.type !== TokenType.IDENTIFIER || tokens[i - 1]?.type === TokenType.DOT) continue;
    const name = t.lexeme.toLowerCase();
    if (tokens[i + 1]?.type === TokenType.LEFT_PAREN) {
      const known =
        Object.prototype.hasOwnProperty.call(wellKnownFunctions, name) ||
        STATUS_FUNCTIONS.some((f) => f.name.toLowerCase() === name);
      if (!known) functions.push({ name, minArgs: 0, maxArgs: 255 });
    } else {
      contexts.push(name);
    }
  }
  return { contexts, functions };
}

/** Fallback for unparsable expressions: IDENTIFIER (. IDENTIFIER | . * )* runs that are not calls. */
function pathsFromTokens(tokens: Token[]): string[] {
  const out = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (
      !t ||
      t.type !== TokenType.IDENTIFIER ||
      tokens[i - 1]?.type === TokenType.DOT ||
      tokens[i + 1]?.type === TokenType.LEFT_PAREN
    ) {
      i++;
      continue;
    }
    let path = t.lexeme;
    i++;
    while (tokens[i]?.type === TokenType.DOT) {
      const seg = tokens[i + 1];
      if (!seg || (seg.type !== TokenType.IDENTIFIER && seg.type !== TokenType.STAR)) break;
      path += "." + seg.lexeme;
      i += 2;
    }
    out.add(path);
  }
  return [...out];
}

class Accumulator {
  private readonly all = new Set<string>();
  private readonly flowing = new Set<string>();

  result(): ExpressionAnalysis {
    return { contexts: [...this.all], valueContexts: [...this.flowing] };
  }

  visit(e: Expr, flows: boolean): void {
    if (e instanceof ContextAccess || e instanceof IndexAccess) {
      const path = this.pathOf(e, flows);
      if (path !== null) {
        this.all.add(path);
        if (flows) this.flowing.add(path);
      }
      return;
    }
    if (e instanceof Grouping) return this.visit(e.group, flows);
    // `a || b` and `a && b` evaluate to one of their operands.
    if (e instanceof Logical) return e.args.forEach((a) => this.visit(a, flows));
    if (e instanceof FunctionCall) {
      const passes = flows && !OPAQUE_FUNCTIONS.has(e.functionName.lexeme.toLowerCase());
      return e.args.forEach((a) => this.visit(a, passes));
    }
    if (e instanceof Literal || e instanceof Star) return;
    // Unary `!` and Binary comparisons yield booleans: their operands never reach the value.
    const operands = e as unknown as { expr?: Expr; left?: Expr; right?: Expr };
    for (const child of [operands.expr, operands.left, operands.right]) if (child) this.visit(child, false);
  }

  /** The access path of a context/index chain; null when the chain starts at a function or group. */
  private pathOf(e: Expr, flows: boolean): string | null {
    if (e instanceof ContextAccess) return e.name.lexeme;
    if (!(e instanceof IndexAccess)) {
      this.visit(e, flows);
      return null;
    }
    const base = this.pathOf(e.expr, flows);
    const idx = e.index;
    let seg: string;
    if (idx instanceof Star) seg = ".*";
    else if (
      idx instanceof Literal &&
      (idx.token.type === TokenType.STRING ||
        idx.token.type === TokenType.IDENTIFIER ||
        idx.token.type === TokenType.NUMBER)
    ) {
      seg = "." + String(idx.literal.coerceString());
    } else {
      this.visit(idx, false);
      seg = COMPUTED_INDEX;
    }
    return base === null ? null : base + seg;
  }
}
