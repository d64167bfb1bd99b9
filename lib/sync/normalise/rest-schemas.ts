import { z } from "zod";

// zod shapes of the REST answers sync reads: only the fields we use, unknown keys
// ignored (GitHub adds fields freely), wrong types rejected so a hostile or broken
// answer becomes "unknown" instead of a wrong fact.

export const actionsPermissionsSchema = z.object({
  enabled: z.boolean().optional(),
  enabled_repositories: z.enum(["all", "none", "selected"]).optional(),
  allowed_actions: z.enum(["all", "local_only", "selected"]).nullish(),
});

export const selectedActionsSchema = z.object({
  github_owned_allowed: z.boolean().default(false),
  verified_allowed: z.boolean().default(false),
  patterns_allowed: z.array(z.string()).default([]),
});

export const workflowPermissionsSchema = z.object({
  default_workflow_permissions: z.enum(["read", "write"]).nullish(),
  can_approve_pull_request_reviews: z.boolean().nullish(),
});

const featureStatus = z.object({ status: z.enum(["enabled", "disabled"]) }).nullish();

export const repoSchema = z.object({
  security_and_analysis: z
    .object({ secret_scanning: featureStatus, secret_scanning_push_protection: featureStatus })
    .nullish(),
});

export const secretsListSchema = z.object({
  total_count: z.number().optional(),
  secrets: z.array(
    z.object({ name: z.string(), updated_at: z.string().nullish(), visibility: z.string().optional() }),
  ),
});
const reviewerSchema = z.object({
  type: z.enum(["User", "Team"]),
  reviewer: z.object({ login: z.string().optional(), slug: z.string().optional() }).nullish(),
});

export const environmentsSchema = z.object({
  environments: z.array(
    z.object({
      name: z.string(),
      can_admins_bypass: z.boolean().default(true),
      deployment_branch_policy: z
        .object({ protected_branches: z.boolean(), custom_branch_policies: z.boolean() })
        .nullish(),
      protection_rules: z
        .array(
          z.object({
            type: z.string(),
            wait_timer: z.number().optional(),
            prevent_self_review: z.boolean().optional(),
            reviewers: z.array(reviewerSchema).optional(),
          }),
        )
        .default([]),
    }),
  ),
});
export const deployKeysSchema = z.array(
  z.object({ id: z.number(), title: z.string(), read_only: z.boolean() }),
);

export const webhooksSchema = z.array(
  z.object({
    id: z.number(),
    active: z.boolean(),
    config: z.object({
      url: z.string().optional(),
      insecure_ssl: z.union([z.string(), z.number()]).optional(),
      secret: z.string().optional(),
    }),
  }),
);

export const orgSchema = z.object({
  login: z.string(),
  two_factor_requirement_enabled: z.boolean().nullish(),
  default_repository_permission: z.enum(["none", "read", "write", "admin"]).nullish(),
});

export const secretAlertsSchema = z.array(
  z.object({
    number: z.number(),
    state: z.enum(["open", "resolved"]),
    secret_type: z.string(),
    html_url: z.string().optional(),
    created_at: z.string(),
    repository: z.object({ name: z.string() }),
  }),
);

export const dependabotAlertsSchema = z.array(
  z.object({
    number: z.number(),
    state: z.enum(["open", "dismissed", "fixed", "auto_dismissed"]),
    html_url: z.string().optional(),
    dependency: z.object({
      manifest_path: z.string().optional(),
      package: z.object({ ecosystem: z.string(), name: z.string() }),
    }),
    security_advisory: z.object({
      ghsa_id: z.string(),
      severity: z.enum(["critical", "high", "medium", "low"]),
    }),
    repository: z.object({ name: z.string() }),
  }),
);
