// `gatehouse api-keys create --name <name> --role <role> [--expires-in 30d]`: creates a
// key straight in the database named by DATABASE_URL, as the system actor (the creation
// is audited like one made in the UI), and prints the key alone on the last line so a
// script can take it with `| tail -n 1`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseDuration } from "@/lib/crypto/api-key";
import { createPrismaClient, setDb } from "@/lib/db";
import { EnvError, getAuditKey, getDatabaseEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { systemActor } from "@/lib/server/authz/actor";
import { ROLES } from "@/lib/server/authz/permissions";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";

export const API_KEYS_USAGE = `Usage: gatehouse api-keys create --name <name> --role <role> [--expires-in 30d] [--org <login>]…

Creates an API key for /api/v1 in the database at DATABASE_URL (GATEHOUSE_AUDIT_KEY signs the audit entry) and prints it once, alone
on the last line. Roles: ${ROLES.join(", ")}. Expiry: <n>h, <n>d or <n>w (default 90d, at most 366d).
--org (repeatable) limits the key to those organisations; without it the key sees every organisation.`;

const flags = z.object({
  name: z.string({ error: "--name is required" }).trim().min(1, "--name is required"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
  "expires-in": z
    .string()
    .default("90d")
    .transform(
      (s, ctx) =>
        parseDuration(s) ??
        (ctx.addIssue({ code: "custom", message: "--expires-in must look like 30d, 12h or 2w" }), z.NEVER),
    ),
  org: z.array(z.string()).default([]),
});

interface IO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export async function runApiKeys(argv: string[], io: IO): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === "--help" || sub === "-h" || sub === "help") {
    io.stdout.write(`${API_KEYS_USAGE}\n`);
    return sub ? 0 : 2;
  }
  if (sub !== "create") {
    io.stderr.write(`gatehouse api-keys: unknown subcommand "${sub}"\n\n${API_KEYS_USAGE}\n`);
    return 2;
  }
  let parsed;
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        role: { type: "string" },
        "expires-in": { type: "string" },
        org: { type: "string", multiple: true },
      },
      strict: true,
      allowPositionals: false,
    });
    parsed = flags.parse(values);
  } catch (err) {
    const message =
      err instanceof z.ZodError ? err.issues.map((i) => i.message).join("; ") : (err as Error).message;
    io.stderr.write(`gatehouse api-keys create: ${message}\n\n${API_KEYS_USAGE}\n`);
    return 2;
  }
  let env;
  try {
    env = getDatabaseEnv();
    getAuditKey(); // the creation is audited: fail before touching the database
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    io.stderr.write(`gatehouse api-keys create: ${err.message}\n`);
    return 2;
  }
  const prisma = createPrismaClient(env.DATABASE_URL, 1);
  setDb(prisma);
  try {
    const created = await createApiKey(systemActor("cli"), {
      name: parsed.name,
      role: parsed.role,
      expiresInMs: parsed["expires-in"],
      organizations: parsed.org,
    });
    io.stdout.write(
      `Created API key "${created.name}" (role ${created.role}, expires ${created.expiresAt.toISOString()}, id ${created.id}).\n` +
        `It is shown only now; use it as "Authorization: Bearer <key>":\n${created.key}\n`,
    );
    return 0;
  } catch (err) {
    // The data layer's own validation (e.g. an expiry beyond its maximum) is a usage error.
    if (isAppError(err, "invalid")) {
      io.stderr.write(`gatehouse api-keys create: ${err.message}\n`);
      return 2;
    }
    if (!(err instanceof z.ZodError)) throw err;
    io.stderr.write(
      `gatehouse api-keys create: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`,
    );
    return 2;
  } finally {
    await prisma.$disconnect();
  }
}
