// The signed statement of a pack: an in-toto Statement v1 whose subjects are every file
// of the pack (manifest.json included) with its SHA-256, and whose predicate says what
// the pack is. Inside a DSSE envelope it is the pack's signature file.
import { z } from "zod";

export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const PREDICATE_TYPE = "https://gatehouse.dev/evidence-pack/v1";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const statementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string().min(1), digest: z.object({ sha256 }) })).min(1),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: z.object({
    framework: z.string(),
    asOf: z.string(),
    generatedAt: z.string(),
    instance: z.string(),
  }),
});
export type Statement = z.infer<typeof statementSchema>;

export function buildStatement(
  files: { path: string; sha256: string }[],
  predicate: Statement["predicate"],
): Statement {
  return {
    _type: STATEMENT_TYPE,
    subject: files.map((f) => ({ name: f.path, digest: { sha256: f.sha256 } })),
    predicateType: PREDICATE_TYPE,
    predicate,
  };
}
