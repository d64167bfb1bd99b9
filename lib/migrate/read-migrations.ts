// Reads Prisma-format migration folders (prisma/migrations/<ts>_<name>/migration.sql).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 of the file's bytes, as Prisma records it in _prisma_migrations.checksum. */
  checksum: string;
}

function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`migration ${name} has no migration.sql`);
      const bytes = readFileSync(file);
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}
