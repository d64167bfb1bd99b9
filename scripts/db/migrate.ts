// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (see lib/migrate).
import { applyMigrations } from "../../lib/migrate/apply-migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/gatehouse)");
  process.exit(2);
}
try {
  const { applied, alreadyApplied } = await applyMigrations(url);
  console.log(`migrations: ${applied.length} applied, ${alreadyApplied.length} already applied`);
  for (const name of applied) console.log(`  applied ${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
