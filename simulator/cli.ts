import { parseArgs } from "node:util";
import { z } from "zod";
import { generateOrg } from "./generator/generate";
import { startSimulator } from "./index";

// `npm run simulator -- --org fixtures/orgs/demo [--port 4010] [--host 127.0.0.1]`
// or `--generate 10000 [--seed 1]` for a synthetic org. Serves until killed.

const flags = z
  .object({
    org: z.string().min(1).optional(),
    generate: z.coerce.number().int().positive().max(100_000).optional(),
    seed: z.coerce.number().int().default(1),
    port: z.coerce.number().int().min(0).max(65_535).default(0),
    host: z.enum(["127.0.0.1", "localhost", "::1"]).default("127.0.0.1"),
  })
  .refine(
    (f) => Boolean(f.org) !== Boolean(f.generate),
    "pass exactly one of --org <fixture-dir> or --generate <repos>",
  );

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      generate: { type: "string" },
      seed: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
    },
  });
  const parsed = flags.safeParse(values);
  if (!parsed.success) {
    console.error(
      `simulator: ${parsed.error.issues.map((i) => `${i.path.join(".") || "flags"}: ${i.message}`).join("; ")}`,
    );
    process.exit(2);
  }
  const f = parsed.data;
  const fixture = f.generate ? generateOrg({ repos: f.generate, seed: f.seed }) : f.org!;
  const sim = await startSimulator({ fixture, port: f.port, host: f.host });
  console.log(
    `GitHub simulator for ${sim.fixture.org.login} (${sim.fixture.repos.length} repositories) listening on ${sim.url}`,
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`simulator: ${(e as Error).message}`);
  process.exit(1);
});
