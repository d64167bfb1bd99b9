// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (see lib/migrate), as
// the database owner. With GATEHOUSE_RUNTIME_ROLE and GATEHOUSE_RUNTIME_PASSWORD set it
// then creates or updates that role and grants it what the web app and worker need, and
// no more (lib/migrate/runtime-role.ts); run after every migration so new tables are granted.
import { applyMigrations } from "../../lib/migrate/apply-migrations";
import { runtimeRoleSchema, setupRuntimeRole } from "../../lib/migrate/runtime-role";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/gatehouse)");
  process.exit(2);
}
const roleName = process.env.GATEHOUSE_RUNTIME_ROLE;
const role = roleName
  ? runtimeRoleSchema.safeParse({ role: roleName, password: process.env.GATEHOUSE_RUNTIME_PASSWORD ?? "" })
  : undefined;
if (role && !role.success) {
  console.error(`GATEHOUSE_RUNTIME_ROLE/GATEHOUSE_RUNTIME_PASSWORD: ${role.error.issues[0]?.message}`);
  process.exit(2);
}
try {
  const { applied, alreadyApplied } = await applyMigrations(url);
  console.log(`migrations: ${applied.length} applied, ${alreadyApplied.length} already applied`);
  for (const name of applied) console.log(`  applied ${name}`);
  if (role?.success) {
    await setupRuntimeRole(url, role.data);
    console.log(`runtime role ${role.data.role}: granted (append-only on the audit log)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
