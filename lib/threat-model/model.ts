// The threat model of one repository: assets, trust boundaries, threats and controls.
// Pure data validated by zod at every boundary (saves, imports, stored JSON). Controls
// are shared: a threat links to many controls and each link has its own status, so one
// control (e.g. the `oidc-missing` check) can answer several threats.
import { z } from "zod";

export const STRIDE = [
  "spoofing",
  "tampering",
  "repudiation",
  "information-disclosure",
  "denial-of-service",
  "elevation-of-privilege",
] as const;
export type StrideCategory = (typeof STRIDE)[number];

/** The pipeline's stages, in the order an artifact travels through them. */
export const STAGES = ["source", "build", "registry", "deploy"] as const;
export type Stage = (typeof STAGES)[number];

export const ASSET_KINDS = [
  "repository",
  "workflow",
  "dockerfile",
  "base-image",
  "registry-image",
  "k8s-manifest",
  "secret",
  "environment",
  "other",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** proposed: found by a regeneration, not yet accepted; removed: gone from the repository (flagged, kept). */
export const ASSET_STATES = ["active", "proposed", "removed"] as const;
export const LEVELS = ["low", "medium", "high"] as const;
export const THREAT_STATUSES = ["open", "mitigated", "accepted", "transferred"] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];
/** What the engineer says about one control on one threat (a check's live status is separate). */
export const LINK_STATUSES = ["in-place", "planned", "not-applicable"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

// Ids travel through Markdown lists and Threat Dragon cells: no whitespace or commas.
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+=-]*$/, "ids use letters, digits and . _ : / @ + = -");
const text = (max: number) => z.string().max(max);
const label = z.string().min(1).max(300);

export const assetSchema = z.object({
  id: idSchema,
  kind: z.enum(ASSET_KINDS),
  name: label,
  stage: z.enum(STAGES),
  /** e.g. a Dockerfile's base images, an environment's reviewers. */
  detail: text(2000).default(""),
  state: z.enum(ASSET_STATES).default("active"),
  origin: z.enum(["generated", "manual"]).default("manual"),
});
export type Asset = z.infer<typeof assetSchema>;

export const boundarySchema = z.object({
  id: idSchema,
  name: label,
  /** The stages it separates; null for boundaries imported from a drawing (Threat Dragon). */
  from: z.enum(STAGES).nullable().default(null),
  to: z.enum(STAGES).nullable().default(null),
});
export type Boundary = z.infer<typeof boundarySchema>;

export const controlSchema = z.discriminatedUnion("kind", [
  z.object({ id: idSchema, kind: z.literal("check"), check: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
  z.object({
    id: idSchema,
    kind: z.literal("manual"),
    title: label,
    owner: text(200).default(""),
    note: text(4000).default(""),
  }),
]);
export type Control = z.infer<typeof controlSchema>;

export const linkSchema = z.object({
  controlId: idSchema,
  status: z.enum(LINK_STATUSES).default("in-place"),
});
export type ControlLink = z.infer<typeof linkSchema>;

export const threatSchema = z.object({
  id: idSchema,
  title: label,
  category: z.enum(STRIDE),
  stage: z.enum(STAGES),
  description: text(4000).default(""),
  likelihood: z.enum(LEVELS).default("medium"),
  impact: z.enum(LEVELS).default("medium"),
  status: z.enum(THREAT_STATUSES).default("open"),
  assetIds: z.array(idSchema).max(1000).default([]),
  controls: z.array(linkSchema).max(200).default([]),
});
export type Threat = z.infer<typeof threatSchema>;

const unique = (items: ReadonlyArray<{ id: string }>) =>
  new Set(items.map((i) => i.id)).size === items.length;

export const threatModelSchema = z
  .object({
    assets: z.array(assetSchema).max(5000),
    boundaries: z.array(boundarySchema).max(100),
    controls: z.array(controlSchema).max(2000),
    threats: z.array(threatSchema).max(2000),
  })
  .superRefine((m, ctx) => {
    for (const key of ["assets", "boundaries", "controls", "threats"] as const)
      if (!unique(m[key])) ctx.addIssue({ code: "custom", path: [key], message: `duplicate ${key} id` });
    const assets = new Set(m.assets.map((a) => a.id));
    const controls = new Set(m.controls.map((c) => c.id));
    m.threats.forEach((t, i) => {
      t.assetIds.forEach((a, j) => {
        if (!assets.has(a))
          ctx.addIssue({ code: "custom", path: ["threats", i, "assetIds", j], message: `no asset ${a}` });
      });
      t.controls.forEach((l, j) => {
        if (!controls.has(l.controlId))
          ctx.addIssue({
            code: "custom",
            path: ["threats", i, "controls", j],
            message: `no control ${l.controlId}`,
          });
      });
    });
  });
export type ThreatModel = z.infer<typeof threatModelSchema>;

export const STRIDE_LABELS: Record<StrideCategory, string> = {
  spoofing: "Spoofing",
  tampering: "Tampering",
  repudiation: "Repudiation",
  "information-disclosure": "Information disclosure",
  "denial-of-service": "Denial of service",
  "elevation-of-privilege": "Elevation of privilege",
};

export const STAGE_LABELS: Record<Stage, string> = {
  source: "Source",
  build: "Build",
  registry: "Registry",
  deploy: "Deploy",
};
