// Public surface of lib/registry for sync and the CLI: image names in, RegistryFacts out.
export {
  collectRegistryFacts,
  type CollectRegistryFactsOptions,
  type ImageRequest,
} from "./collect-registry-facts";
export { githubAttestationSource, predicateTypesOf, type OctokitLike } from "./github-attestations";
export { containerPackagesOf, ghcrImage, packageVersionsOf } from "./github-packages";
export type { AttestationAnswer, AttestationSource } from "./inspect-image";
export type { PackageVersion } from "./latest-tag";
export type { RegistryCredentials } from "./auth";
export { RegistryClient, type RegistryClientOptions } from "./client";
export { RegistryError, type RegistryErrorKind } from "./errors";
