// Bounded access to a parsed YAML document. Every alias resolution and every node
// converted to plain data is counted, so an alias bomb or absurd nesting ends in a
// LimitError (reported as a parse failure) instead of exponential work or a stack
// overflow. Maps produced here never have a prototype, so `__proto__` keys stay data.
import { isAlias, isMap, isScalar, isSeq, visit } from "yaml";
import type { Alias, Document, LineCounter, Node, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { analyzeExpression } from "../expressions/context-paths";
import { findExpressions } from "../expressions/find-expressions";
import type { ExpressionRef, Pos, ScalarValue } from "./model";

export const LIMITS = { maxBytes: 1_000_000, maxAliases: 1_000, maxNodes: 100_000, maxDepth: 64 } as const;

export class LimitError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export type YNode = Scalar | YAMLMap | YAMLSeq;
export interface Entry {
  key: string;
  keyPos: Pos;
  value: YNode | null;
}

export class Source {
  private nodes = 0;
  /** Alias → anchored node, built in one pass (yaml's Alias.resolve rescans the whole document per call). */
  private targets: Map<Alias, unknown> | null = null;

  constructor(
    readonly doc: Document.Parsed,
    readonly lc: LineCounter,
    readonly text: string,
  ) {}

  posAt(offset: number): Pos {
    const { line, col } = this.lc.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  }

  pos(node: Node | null | undefined, fallback: Pos = { line: 1, column: 1 }): Pos {
    const start = node?.range?.[0];
    return start === undefined ? fallback : this.posAt(start);
  }

  deref(node: unknown): YNode | null {
    let n = node;
    for (let hops = 0; isAlias(n); hops++) {
      if (hops > LIMITS.maxAliases) throw new LimitError("alias chain too long");
      n = this.aliasTargets().get(n) ?? null;
    }
    return isScalar(n) || isMap(n) || isSeq(n) ? n : null;
  }

  private aliasTargets(): Map<Alias, unknown> {
    if (this.targets) return this.targets;
    const targets = new Map<Alias, unknown>();
    const anchors = new Map<string, unknown>();
    visit(this.doc, {
      Node: (_key, node) => {
        // An alias refers to the latest anchor of that name before it (YAML 1.2 §3.2.2.2).
        if (isAlias(node)) {
          if (targets.size >= LIMITS.maxAliases)
            throw new LimitError(`more than ${LIMITS.maxAliases} alias references`, this.pos(node).line);
          targets.set(node, anchors.get(node.source));
        } else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    return (this.targets = targets);
  }

  entries(node: YNode | null): Entry[] {
    if (!isMap(node)) return [];
    const out: Entry[] = [];
    for (const pair of node.items) {
      const k = this.deref(pair.key);
      if (!isScalar(k)) continue; // complex keys are not meaningful in workflows
      out.push({ key: String(k.value), keyPos: this.pos(k), value: this.deref(pair.value) });
    }
    return out;
  }

  /**
   * The first value under `key`. Resolves every pair like `entries` (so alias limits trip
   * exactly as they would there) but computes no key positions: parsing a step asks for
   * ten keys, and each used to cost a line lookup and an Entry per key of the step.
   */
  get(node: YNode | null, key: string): YNode | null {
    if (!isMap(node)) return null;
    let found: YNode | null | undefined;
    for (const pair of node.items) {
      const k = this.deref(pair.key);
      if (!isScalar(k)) continue;
      const value = this.deref(pair.value);
      if (found === undefined && String(k.value) === key) found = value;
    }
    return found ?? null;
  }

  items(node: YNode | null): YNode[] {
    if (!isSeq(node)) return [];
    return node.items.map((i) => this.deref(i)).filter((i): i is YNode => i !== null);
  }

  /** Scalar text, or the source text for a collection (so checks can still quote it). */
  str(node: YNode | null): string | undefined {
    if (node === null) return undefined;
    if (isScalar(node)) return node.value === null ? "" : String(node.value);
    const r = node.range;
    return r ? this.text.slice(r[0], r[1]).trimEnd() : "";
  }

  scalar(node: YNode | null, wholeIsExpression = false): ScalarValue | undefined {
    const value = this.str(node);
    if (value === undefined || node === null) return undefined;
    const pos = this.pos(node);
    return { value, pos, expressions: this.expressionsIn(value, node, pos, wholeIsExpression) };
  }

  map(node: YNode | null): Record<string, ScalarValue> {
    const out: Record<string, ScalarValue> = Object.create(null);
    if (!isMap(node)) return out;
    // As `entries`, but a key's position is looked up only for a key without a value.
    for (const pair of node.items) {
      const k = this.deref(pair.key);
      if (!isScalar(k)) continue;
      const value = this.deref(pair.value);
      out[String(k.value)] = this.scalar(value) ?? { value: "", pos: this.pos(k), expressions: [] };
    }
    return out;
  }

  /** Plain data with prototype-free objects, counted against the node budget. */
  plain(node: YNode | null, depth = 0): unknown {
    if (++this.nodes > LIMITS.maxNodes)
      throw new LimitError(
        `more than ${LIMITS.maxNodes} YAML nodes after alias expansion`,
        this.pos(node).line,
      );
    if (depth > LIMITS.maxDepth)
      throw new LimitError(`nesting deeper than ${LIMITS.maxDepth}`, this.pos(node).line);
    if (node === null) return null;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return this.items(node).map((i) => this.plain(i, depth + 1));
    const out: Record<string, unknown> = Object.create(null);
    for (const e of this.entries(node)) out[e.key] = this.plain(e.value, depth + 1);
    return out;
  }

  private expressionsIn(value: string, node: YNode, pos: Pos, wholeIsExpression: boolean): ExpressionRef[] {
    const spans = findExpressions(value);
    if (spans.length === 0) {
      // `if:` conditions are expressions even without the `${{ }}` wrapper.
      if (!wholeIsExpression || value.trim() === "") return [];
      return [this.ref(value.trim(), pos)];
    }
    const r = node.range;
    const raw = r ? this.text.slice(r[0], r[1]) : "";
    let from = 0;
    return spans.map((s) => {
      // The n-th `${{` of the value is the n-th in the source slice (block scalars only strip indentation).
      const at = raw.indexOf("${{", from);
      from = at === -1 ? from : at + 3;
      return this.ref(s.expr, at === -1 || !r ? pos : this.posAt(r[0] + at));
    });
  }

  private ref(expr: string, pos: Pos): ExpressionRef {
    const a = analyzeExpression(expr);
    const ref: ExpressionRef = { expr, contexts: a.contexts, pos, valueContexts: a.valueContexts };
    if (a.error !== undefined) ref.error = a.error;
    return ref;
  }
}
