import { DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS, DEFAULT_WEIGHTS } from "./defaults";
import type { Policy } from "./schema";

export const defaultPolicy: Policy = {
  version: 1,
  weights: { ...DEFAULT_WEIGHTS },
  criticalRepos: [],
  productionEnvironmentPatterns: [...DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS],
  productionEnvironments: [],
  exceptions: [],
};
