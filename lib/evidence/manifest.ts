// manifest.json: every file of the pack, in zip order, with size and SHA-256. The
// signature file (manifest.dsse.json) is the only entry it does not list.
import { z } from "zod";

export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "manifest.dsse.json";
export const MANIFEST_TYPE = "https://gatehouse.dev/evidence-pack/manifest/v1";

export const manifestSchema = z.object({
  _type: z.literal(MANIFEST_TYPE),
  framework: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  scope: z.unknown(),
  instance: z.object({ name: z.string(), version: z.string() }),
  signingKeyId: z.string().regex(/^[0-9a-f]{64}$/),
  files: z
    .array(
      z.object({
        path: z.string().min(1),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest["files"][number];
