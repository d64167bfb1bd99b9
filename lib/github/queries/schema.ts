import { schema as published } from "@octokit/graphql-schema";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

// GitHub's published schema. The SDL in @octokit/graphql-schema repeats some field
// definitions (buildSchema rejects it); the introspection JSON of the same release
// builds cleanly, so we use that.

let cached: GraphQLSchema | null = null;

export function loadGitHubSchema(): GraphQLSchema {
  cached ??= buildClientSchema(published.json as IntrospectionQuery);
  return cached;
}
