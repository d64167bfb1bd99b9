// Reads THREATS.md back (the format markdown-export.ts writes). Every refusal names the
// line, so a hand-edited file can be fixed where it broke; nothing partial is returned.
import type { z } from "zod";
import { MARKDOWN_MARKER } from "./markdown-export";
import {
  assetSchema,
  boundarySchema,
  controlSchema,
  threatModelSchema,
  threatSchema,
  type ThreatModel,
} from "./model";
import { ImportError, checkSize } from "./safe-json";

const SECTIONS = {
  Assets: "assets",
  "Trust boundaries": "boundaries",
  Threats: "threats",
  Controls: "controls",
} as const;
type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

const KEYS: Record<Section, string[]> = {
  assets: ["id", "kind", "stage", "state", "origin", "detail"],
  boundaries: ["id", "from", "to"],
  threats: ["id", "category", "stage", "likelihood", "impact", "status", "assets", "controls", "description"],
  controls: ["id", "check", "manual", "owner", "note"],
};

interface Block {
  section: Section;
  heading: string;
  line: number;
  fields: Map<string, { value: string; line: number }>;
}

export function unescapeValue(value: string): string {
  return value.replace(/\\(\\|n|r)/g, (_, c: string) => (c === "n" ? "\n" : c === "r" ? "\r" : "\\"));
}

const list = (value: string) => (value === "" ? [] : value.split(", "));

function toEntity(b: Block): unknown {
  const f = (k: string) => b.fields.get(k)?.value;
  const name = unescapeValue(b.heading);
  switch (b.section) {
    case "assets":
      return {
        id: f("id"),
        kind: f("kind"),
        stage: f("stage"),
        state: f("state"),
        origin: f("origin"),
        detail: f("detail") ?? "",
        name,
      };
    case "boundaries":
      return { id: f("id"), name, from: f("from") || null, to: f("to") || null };
    case "controls":
      if (f("manual") !== undefined)
        return { id: f("id"), kind: "manual", title: name, owner: f("owner") ?? "", note: f("note") ?? "" };
      return { id: f("id"), kind: "check", check: f("check") };
    case "threats": {
      const controls = list(f("controls") ?? "").map((entry) => {
        const m = /^(\S+) \(([a-z-]+)\)$/.exec(entry);
        return m ? { controlId: m[1], status: m[2] } : { controlId: entry, status: "?" };
      });
      return {
        id: f("id"),
        title: name,
        category: f("category"),
        stage: f("stage"),
        likelihood: f("likelihood"),
        impact: f("impact"),
        status: f("status"),
        assetIds: list(f("assets") ?? ""),
        controls,
        description: f("description") ?? "",
      };
    }
  }
}

const SCHEMAS: Record<Section, z.ZodType> = {
  assets: assetSchema,
  boundaries: boundarySchema,
  controls: controlSchema,
  threats: threatSchema,
};

// Which field line a zod issue belongs to, so the error names the line.
const FIELD_OF: Record<string, string> = {
  title: "heading",
  name: "heading",
  assetIds: "assets",
  kind: "kind",
};

export function importMarkdown(text: string): ThreatModel {
  checkSize(text);
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => l.trim() === MARKDOWN_MARKER))
    throw new ImportError("line 1", `not a Gatehouse THREATS.md (the line ${MARKDOWN_MARKER} is missing)`);
  const blocks: Block[] = [];
  let section: Section | null = null;
  let block: Block | null = null;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.startsWith("## ")) {
      const title = line.slice(3).trim() as keyof typeof SECTIONS;
      if (!(title in SECTIONS)) throw new ImportError(`line ${n}`, `unknown section "${title}"`);
      section = SECTIONS[title];
      block = null;
    } else if (line.startsWith("### ")) {
      if (!section) throw new ImportError(`line ${n}`, "an entry outside a section");
      block = { section, heading: line.slice(4), line: n, fields: new Map() };
      blocks.push(block);
    } else if (line.startsWith("- ") && section) {
      const m = /^- ([a-z]+):(?: (.*))?$/.exec(line);
      if (!block || !m) throw new ImportError(`line ${n}`, "expected a `- key: value` line inside an entry");
      if (!KEYS[block.section].includes(m[1]!)) throw new ImportError(`line ${n}`, `unknown field "${m[1]}"`);
      if (block.fields.has(m[1]!)) throw new ImportError(`line ${n}`, `field "${m[1]}" given twice`);
      block.fields.set(m[1]!, { value: unescapeValue(m[2] ?? ""), line: n });
    }
  });
  const model: Record<Section, unknown[]> = { assets: [], boundaries: [], controls: [], threats: [] };
  for (const b of blocks) {
    const parsed = SCHEMAS[b.section].safeParse(toEntity(b));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = String(issue.path[0] ?? "id");
      const where = b.fields.get(FIELD_OF[key] ?? key)?.line ?? b.line;
      throw new ImportError(`line ${where}`, `${key}: ${issue.message}`);
    }
    model[b.section].push(parsed.data);
  }
  const whole = threatModelSchema.safeParse(model);
  if (!whole.success) {
    const issue = whole.error.issues[0]!;
    const [sec, index] = issue.path as [Section, number | undefined];
    const b = blocks.filter((x) => x.section === sec)[index ?? 0];
    throw new ImportError(`line ${b?.line ?? 1}`, issue.message);
  }
  return whole.data;
}
