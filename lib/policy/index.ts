export { PolicySchema, PolicyExceptionSchema, POLICY_VERSION } from "./schema";
export { defaultPolicy, DEFAULT_WEIGHTS, DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS } from "./default";
export { parsePolicy, safeParsePolicy, PolicyParseError } from "./parse";
export { makeCheckContext } from "./context";
export { activeException } from "./exceptions";
export { compileRepoPattern, matchesRepoPattern } from "./repo-pattern";
export { exceptionLimitErrors, coversAllRepositories, DEFAULT_MAX_EXCEPTION_DAYS } from "./exception-limits";
