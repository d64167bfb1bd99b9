import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildASTSchema,
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

// GitHub's public schema from @octokit/graphql-schema. Its SDL repeats a few field
// definitions (e.g. EnterpriseOwnerInfo.repositoryDeployKeySetting), which graphql-js
// rejects, so the first definition of each field / enum value wins.

function dedupe(def: DefinitionNode): DefinitionNode {
  const uniq = <T extends { name: { value: string } }>(items: readonly T[] | undefined): T[] | undefined => {
    if (!items) return items;
    const seen = new Set<string>();
    return items.filter((i) => (seen.has(i.name.value) ? false : (seen.add(i.name.value), true)));
  };
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
      return { ...def, fields: uniq(def.fields) };
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return { ...def, fields: uniq(def.fields) };
    case Kind.ENUM_TYPE_DEFINITION:
      return { ...def, values: uniq(def.values) };
    default:
      return def;
  }
}

// The package's "exports" hide schema.graphql from require.resolve, so look for it on disk.
function schemaFile(): string {
  const rel = "node_modules/@octokit/graphql-schema/schema.graphql";
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, rel))) return path.join(dir, rel);
    if (path.dirname(dir) === dir) return path.join(process.cwd(), rel);
  }
}

let cached: GraphQLSchema | null = null;

export function githubSchema(): GraphQLSchema {
  if (!cached) {
    const sdl = readFileSync(schemaFile(), "utf8");
    const doc = parse(sdl, { noLocation: true });
    const clean: DocumentNode = { ...doc, definitions: doc.definitions.map(dedupe) };
    cached = buildASTSchema(clean);
  }
  return cached;
}
