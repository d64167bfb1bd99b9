// Prisma CLI configuration. The CLI is only used for `prisma generate` here (see
// scripts/prisma-generate.mjs); migrations are applied by scripts/db/migrate.ts (`npm run db:migrate`).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gatehouse" },
});
