// Hostile-input-safe access to parsed YAML documents: size and document-count limits,
// aliases resolved only on the paths we read (no expansion of the whole tree), own keys only.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";

const YAML_LIMITS = { maxBytes: 2_000_000, maxDocuments: 1_000 };

export interface YamlDocs {
  docs: Document.Parsed[];
  lineOf(node: Node | null | undefined): number;
}

export type YamlLoad = { ok: true; value: YamlDocs; errors: string[] } | { ok: false; reason: string };

export function loadYamlDocuments(text: string): YamlLoad {
  if (text.length > YAML_LIMITS.maxBytes)
    return { ok: false, reason: `file larger than ${YAML_LIMITS.maxBytes} bytes` };
  const lc = new LineCounter();
  let all: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
    all = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // Deeply nested input can exhaust the parser's stack: a reason, not a crash.
    return { ok: false, reason: `YAML could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (all.length > YAML_LIMITS.maxDocuments)
    return { ok: false, reason: `more than ${YAML_LIMITS.maxDocuments} YAML documents` };
  const errors: string[] = [];
  const docs: Document.Parsed[] = [];
  for (const d of all) {
    if (d.errors.length > 0) {
      const e = d.errors[0];
      errors.push(`line ${e?.linePos?.[0]?.line ?? "?"}: ${e?.code ?? "YAML error"}`);
    } else docs.push(d);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lc.linePos(node.range[0]).line : 0);
  return { ok: true, value: { docs, lineOf }, errors };
}

export class YamlView {
  constructor(private readonly doc: Document.Parsed) {}

  private deref(node: unknown): Node | undefined {
    let n = node;
    // Bounded: an alias chain longer than this is hostile.
    for (let i = 0; i < 8 && isAlias(n); i++) n = n.resolve(this.doc);
    return isAlias(n) ? undefined : (n as Node | undefined);
  }

  root(): Node | undefined {
    return this.deref(this.doc.contents);
  }

  get(node: Node | undefined, key: string): Node | undefined {
    const n = this.deref(node);
    if (!isMap(n)) return undefined;
    for (const pair of n.items) {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (k === key) return this.deref(pair.value) ?? undefined;
    }
    return undefined;
  }

  path(node: Node | undefined, keys: string[]): Node | undefined {
    let n = node;
    for (const k of keys) n = this.get(n, k);
    return n;
  }

  items(node: Node | undefined): Node[] {
    const n = this.deref(node);
    if (!isSeq(n)) return [];
    const out: Node[] = [];
    for (const i of n.items) {
      const d = this.deref(i);
      if (d) out.push(d);
    }
    return out;
  }

  scalar(node: Node | undefined): string | number | boolean | null | undefined {
    const n = this.deref(node);
    if (!isScalar(n)) return undefined;
    const v = n.value;
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null
      ? v
      : undefined;
  }

  str(node: Node | undefined): string | undefined {
    const v = this.scalar(node);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
  }

  /** Keys and scalar values under a node, joined, without following aliases; at most `limit` chars. */
  scalarText(node: Node | undefined, limit: number): string {
    const parts: string[] = [];
    let size = 0;
    const stack: unknown[] = [node];
    while (stack.length > 0 && size < limit) {
      const n = stack.pop();
      if (isScalar(n)) {
        const s = String(n.value);
        parts.push(s);
        size += s.length + 1;
      } else if (isMap(n)) {
        for (const p of n.items) stack.push(p.value, p.key);
      } else if (isSeq(n)) {
        for (const i of n.items) stack.push(i);
      }
    }
    return parts.join(" ").slice(0, limit);
  }

  isMap(node: Node | undefined): boolean {
    return isMap(this.deref(node));
  }
}
