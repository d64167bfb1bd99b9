import { z } from "zod";

// The parts of OCI / Docker manifests and indexes Gatehouse reads. Registries and the
// artifacts in them are untrusted input: parsed with zod, unknown fields ignored, and a
// shape we cannot read is a recorded reason, never an exception that loses the image.

const annotations = z.record(z.string(), z.string()).optional();

const descriptorSchema = z.looseObject({
  mediaType: z.string().default(""),
  digest: z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/, "invalid digest"),
  size: z.number().int().nonnegative().optional(),
  artifactType: z.string().optional(),
  annotations,
  platform: z.looseObject({ architecture: z.string(), os: z.string() }).optional(),
});

export type ManifestDescriptor = z.infer<typeof descriptorSchema>;

const manifestSchema = z.looseObject({
  schemaVersion: z.number().int(),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: descriptorSchema.optional(),
  layers: z.array(descriptorSchema).max(10_000).optional(),
  manifests: z.array(descriptorSchema).max(10_000).optional(),
  subject: descriptorSchema.optional(),
  annotations,
});

export interface Manifest {
  /** From the body, else the Content-Type the registry sent. */
  mediaType: string;
  artifactType?: string;
  config?: ManifestDescriptor;
  layers: ManifestDescriptor[];
  /** Index / manifest list entries. */
  manifests: ManifestDescriptor[];
  subject?: ManifestDescriptor;
  annotations: Record<string, string>;
}

export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; reason: string };

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "invalid";
}

export function parseManifest(bytes: Uint8Array, contentType: string | null): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    return { ok: false, reason: `malformed JSON (${(error as Error).message.slice(0, 120)})` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `unexpected manifest shape (${issueText(parsed.error)})` };
  const m = parsed.data;
  const mediaType = m.mediaType ?? contentType?.split(";")[0]?.trim() ?? "";
  return {
    ok: true,
    manifest: {
      mediaType,
      ...(m.artifactType ? { artifactType: m.artifactType } : {}),
      ...(m.config ? { config: m.config } : {}),
      layers: m.layers ?? [],
      manifests: m.manifests ?? [],
      ...(m.subject ? { subject: m.subject } : {}),
      annotations: m.annotations ?? {},
    },
  };
}

export function isIndex(m: Manifest): boolean {
  return m.manifests.length > 0 || /image\.index|manifest\.list/.test(m.mediaType);
}
