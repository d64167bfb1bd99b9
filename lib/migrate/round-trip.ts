// Writes one row per model with every scalar field set, then reads it back, driven by
// the client's own runtime data model so models added later are covered without edits.
// Foreign keys follow the house naming convention: relation `user` ↔ scalar `userId`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "../generated/prisma/client";

interface RtField {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
}
type RtModels = Record<string, { fields: RtField[] }>;

function sampleValue(field: RtField, enums: Record<string, Record<string, string>>, n: number): unknown {
  if (field.kind === "enum") return Object.values(enums[field.type] ?? {})[0];
  switch (field.type) {
    case "String":
      return `${field.name}-${n}-é"'\n`;
    case "Int":
      return 42 + n;
    case "BigInt":
      return BigInt(9_007_199_254_740_993) + BigInt(n);
    case "Float":
      return 1.5 + n;
    case "Boolean":
      return true;
    case "DateTime":
      return new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    case "Json":
      return { nested: { list: [1, "two", null] }, n };
    case "Bytes":
      return new Uint8Array([0, 1, 2, 255]);
    case "Decimal":
      return "12.5";
    default:
      throw new Error(`round-trip: unsupported scalar type ${field.type} on ${field.name}`);
  }
}

function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/**
 * Foreign keys and declared lengths by model, read from the schema's `@relation(fields: [a], references: [b])`
 * (the runtime data model does not carry them): model → scalar field → [target model, field].
 */
function schemaFacts(schemaDir = path.join(process.cwd(), "prisma", "schema")) {
  const out = new Map<string, Map<string, [string, string]>>();
  const lengths = new Map<string, number>();
  const lists = new Set<string>();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".prisma"))) {
    const text = readFileSync(path.join(schemaDir, file), "utf8");
    for (const block of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      const keys = new Map<string, [string, string]>();
      for (const rel of block[2]!.matchAll(
        /^\s*\w+\s+(\w+)\??\s+@relation\([^)]*fields:\s*\[(\w+)\][^)]*references:\s*\[(\w+)\]/gm,
      ))
        keys.set(rel[2]!, [rel[1]!, rel[3]!]);
      out.set(block[1]!, keys);
      // Declared string lengths (@db.Char(n), @db.VarChar(n)): samples must fit them.
      for (const col of block[2]!.matchAll(/^\s*(\w+)\s+String\??[^\n]*@db\.(?:Var)?Char\((\d+)\)/gm))
        lengths.set(`${block[1]}.${col[1]}`, Number(col[2]));
      // Scalar lists (String[], Int[]): the runtime data model does not mark them.
      for (const col of block[2]!.matchAll(/^\s*(\w+)\s+(?:String|Int|BigInt|Float|Boolean|DateTime)\[\]/gm))
        lists.add(`${block[1]}.${col[1]}`);
    }
  }
  return { foreignKeys: out, lengths, lists };
}

function fit(value: unknown, length: number | undefined): unknown {
  return typeof value === "string" && length !== undefined
    ? value.slice(-length).padStart(length, "x")
    : value;
}

export async function roundTripAllModels(
  prisma: PrismaClient,
  enums: Record<string, Record<string, string>>,
): Promise<string[]> {
  const models = (prisma as unknown as { _runtimeDataModel: { models: RtModels } })._runtimeDataModel.models;
  const created = new Map<string, Record<string, unknown>>();
  const { foreignKeys: fks, lengths, lists } = schemaFacts();
  const pending = new Set(Object.keys(models));
  let n = 0;
  while (pending.size > 0) {
    const before = pending.size;
    for (const model of [...pending]) {
      const fields = models[model]!.fields;
      const keys = fks.get(model) ?? new Map<string, [string, string]>();
      if ([...keys.values()].some(([target]) => target !== model && !created.has(target))) continue; // its targets first
      const data: Record<string, unknown> = {};
      for (const f of fields) {
        if (f.kind === "object") continue;
        const key = keys.get(f.name);
        data[f.name] =
          key && key[0] !== model
            ? created.get(key[0])![key[1]]
            : lists.has(`${model}.${f.name}`)
              ? [sampleValue(f, enums, n++), sampleValue(f, enums, n++)]
              : fit(sampleValue(f, enums, n++), lengths.get(`${model}.${f.name}`));
      }
      const delegate = (
        prisma as unknown as Record<
          string,
          {
            create(a: unknown): Promise<Record<string, unknown>>;
            findFirstOrThrow(a: unknown): Promise<Record<string, unknown>>;
          }
        >
      )[delegateName(model)]!;
      const row = await delegate.create({ data }).catch((error: unknown) => {
        throw new Error(
          `round-trip: creating ${model} ${JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? String(v) : v))}: ${String(error)}`,
        );
      });
      const idField = "id" in row ? "id" : Object.keys(row)[0]!;
      const read = await delegate.findFirstOrThrow({ where: { [idField]: row[idField] } });
      for (const [key, value] of Object.entries(data)) {
        if (key === "updatedAt") continue; // @updatedAt: Prisma sets its own value
        const got = read[key];
        const same = isDeepStrictEqual(normalise(got), normalise(value));
        if (!same)
          throw new Error(
            `${model}.${key}: wrote ${JSON.stringify(normalise(value))} read ${JSON.stringify(normalise(got))}`,
          );
      }
      created.set(model, read);
      pending.delete(model);
    }
    if (pending.size === before)
      throw new Error(`round-trip: cannot order models ${[...pending].join(", ")} (foreign key naming?)`);
  }
  return [...created.keys()];
}

function normalise(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object" && "toFixed" in v) return String(v);
  return v;
}
