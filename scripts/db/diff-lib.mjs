// Shared by db:diff and the schema/migrations agreement test: SQL between two Prisma
// schema folders (null = empty database), computed by Prisma's WebAssembly schema engine.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { loadSchemaEngine } from "./schema-engine.mjs";

export function readSchemaDir(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({
      path: path.join(path.basename(dir), f),
      content: readFileSync(path.join(dir, f), "utf8"),
    }));
}

export async function diffSchemas(fromFiles, toFiles) {
  const bg = await loadSchemaEngine();
  // The engine connects once (to learn the server version) but changes nothing there.
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await bg.SchemaEngine.new(
    { datamodels: toFiles.map((f) => [f.path, f.content]) },
    () => {},
    adapter,
  );
  const target = (files) => (files ? { tag: "schemaDatamodel", files } : { tag: "empty" });
  const result = await engine.diff({
    from: target(fromFiles),
    to: target(toFiles),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
