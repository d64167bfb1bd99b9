// `gatehouse evidence export|public-key`: the same code as the export job (buildEvidencePack),
// against the database in DATABASE_URL, with the instance key sealed under
// GATEHOUSE_ENCRYPTION_KEY. bin/gatehouse.mjs runs this under the react-server condition
// because it reaches lib/server.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseKey } from "../../lib/crypto/aead";
import { createPrismaClient, setDb } from "../../lib/db";
import { FRAMEWORK_IDS } from "../../lib/evidence/frameworks/schema";
import { appendAuditEntry } from "../../lib/server/internal/append-audit-entry";
import { buildEvidencePack } from "../../lib/server/internal/build-evidence-pack";
import { readEvidencePublicKey } from "../../lib/server/internal/evidence-signing-key";

export const EVIDENCE_USAGE = `Usage:
  gatehouse evidence export --framework ${FRAMEWORK_IDS.join("|")} [--as-of YYYY-MM-DD] [--scope <pattern>] --out pack.zip
  gatehouse evidence public-key

Reads DATABASE_URL and GATEHOUSE_ENCRYPTION_KEY. --as-of is the end of that day (UTC);
--scope is a repository pattern such as "acme/*-prod" (default: all repositories).`;

interface IO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL"),
  GATEHOUSE_ENCRYPTION_KEY: z.string({ error: "GATEHOUSE_ENCRYPTION_KEY is not set" }),
});

const flagsSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS, { error: `--framework must be one of ${FRAMEWORK_IDS.join(", ")}` }),
  "as-of": z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--as-of must be YYYY-MM-DD")
    .optional(),
  scope: z.string().min(1).optional(),
  out: z.string({ error: "--out is required" }).min(1),
});

export async function runEvidence(
  argv: string[],
  io: IO,
  rawEnv: Record<string, string | undefined>,
  now: Date = new Date(),
): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === "--help" || sub === "-h") {
    io.stdout.write(`${EVIDENCE_USAGE}\n`);
    return sub ? 0 : 2;
  }
  const env = envSchema.safeParse(rawEnv);
  if (!env.success) {
    io.stderr.write(`gatehouse evidence: ${env.error.issues[0]?.message}\n`);
    return 2;
  }
  const encryptionKey = parseKey(env.data.GATEHOUSE_ENCRYPTION_KEY);
  const db = createPrismaClient(env.data.DATABASE_URL, 2);
  setDb(db);
  try {
    if (sub === "public-key") {
      io.stdout.write((await readEvidencePublicKey(encryptionKey)).publicKeyPem);
      return 0;
    }
    if (sub !== "export") {
      io.stderr.write(`gatehouse evidence: unknown subcommand "${sub}"\n\n${EVIDENCE_USAGE}\n`);
      return 2;
    }
    let values;
    try {
      values = parseArgs({
        args: rest,
        options: {
          framework: { type: "string" },
          "as-of": { type: "string" },
          scope: { type: "string" },
          out: { type: "string" },
        },
      }).values;
    } catch (err) {
      io.stderr.write(`gatehouse evidence export: ${(err as Error).message}\n`);
      return 2;
    }
    const flags = flagsSchema.safeParse(values);
    if (!flags.success) {
      io.stderr.write(`gatehouse evidence export: ${flags.error.issues[0]?.message}\n\n${EVIDENCE_USAGE}\n`);
      return 2;
    }
    const f = flags.data;
    const asOf = f["as-of"] ? new Date(`${f["as-of"]}T23:59:59.999Z`) : now;
    const out = createWriteStream(f.out);
    const hash = createHash("sha256");
    const tty = Boolean(io.stderr.isTTY);
    const built = await buildEvidencePack(
      {
        framework: f.framework,
        asOf: asOf < now ? asOf : now,
        scope: f.scope ? { kind: "pattern", pattern: f.scope } : { kind: "all" },
        organizationIds: [], // the operator's command: every organisation
        now,
        instance: { name: "gatehouse", version: "cli" },
        encryptionKey,
        onProgress: (p) => {
          if (!tty) return;
          const width = 24;
          const filled = Math.round((p.done / p.total) * width);
          io.stderr.write(
            `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.done}/${p.total} ${p.step.padEnd(32)}`,
          );
        },
      },
      tapHash(out, hash),
    );
    await finished(out);
    if (tty) io.stderr.write("\n");
    const sha256 = hash.digest("hex");
    await appendAuditEntry(null, {
      action: "evidence.exported",
      targetType: "evidence_pack",
      targetId: `cli:${sha256.slice(0, 16)}`,
      details: {
        via: "cli",
        framework: f.framework,
        asOf: asOf.toISOString(),
        scope: f.scope ?? null,
        sha256,
      },
    });
    io.stdout.write(
      `wrote ${f.out}: ${built.manifest.files.length} files, ${built.repoCount} repositories, sha256 ${sha256}, signed by key ${built.keyId}\n`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

/** Passes writes through to `out` while hashing them. */
function tapHash(out: NodeJS.WritableStream, hash: ReturnType<typeof createHash>): NodeJS.WritableStream {
  const tee = new PassThrough();
  tee.on("data", (c: Buffer) => hash.update(c));
  tee.pipe(out);
  return tee;
}
