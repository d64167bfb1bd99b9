import { GraphQLError } from "graphql";
import type { SimContext } from "../context";
import type { BucketView } from "../limits";
import type { TokenInfo } from "../tokens";
import { connection, parseNodeId, type ConnectionArgs } from "./connection";
import { orgObject, repoObject } from "./model-repo";
import { userObject } from "./model-settings";

// The Query root: organization, repository, nodes/node, viewer, rateLimit and the advisory
// database's securityVulnerabilities (fed from the fixture's actionAdvisories).

export interface QueryState {
  cost: number;
  nodeCount: number;
  rate: BucketView;
  auth: TokenInfo;
}

const notFound = (message: string) => new GraphQLError(message, { extensions: { type: "NOT_FOUND" } });

function resolveNode(ctx: SimContext, id: string) {
  const parsed = parseNodeId(id);
  if (parsed?.prefix === "R") {
    const dbId = Number(parsed.key.replace(/^repo:/, ""));
    const repo = ctx.fixture.repos.find((r) => r.id === dbId);
    if (repo) return repoObject(ctx, repo);
  }
  if (parsed?.prefix === "O" && parsed.key === `org:${ctx.org.id}`) return orgObject(ctx);
  return notFound(`Could not resolve to a node with the global id of '${id}'`);
}

export function queryRoot(ctx: SimContext, state: QueryState) {
  return {
    organization: ({ login }: { login: string }) => {
      if (!ctx.isOrg(login))
        throw notFound(`Could not resolve to an Organization with the login of '${login}'.`);
      return orgObject(ctx);
    },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = ctx.repo(owner, name);
      if (!repo) throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repoObject(ctx, repo);
    },
    repositoryOwner: ({ login }: { login: string }) => (ctx.isOrg(login) ? orgObject(ctx) : null),
    nodes: ({ ids }: { ids: string[] }) => {
      if (ids.length > 100)
        throw new GraphQLError(`You may not request more than 100 node IDs; you requested ${ids.length}.`, {
          extensions: { type: "EXCESSIVE_PAGINATION" },
        });
      return ids.map((id) => resolveNode(ctx, id));
    },
    node: ({ id }: { id: string }) => {
      const n = resolveNode(ctx, id);
      if (n instanceof GraphQLError) throw n;
      return n;
    },
    viewer: () => userObject(ctx, state.auth.login),
    rateLimit: () => ({
      cost: state.cost,
      limit: state.rate.limit,
      remaining: state.rate.remaining,
      used: state.rate.used,
      resetAt: new Date(state.rate.reset * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      nodeCount: state.nodeCount,
    }),
    securityVulnerabilities: (
      args: ConnectionArgs & { ecosystem?: string | null; package?: string | null },
    ) => {
      const advisories = ctx.org.actionAdvisories.filter(
        (a) =>
          (!args.ecosystem || args.ecosystem === "ACTIONS") && (!args.package || a.action === args.package),
      );
      const nodes = advisories.map((a) => ({
        package: { name: a.action, ecosystem: "ACTIONS" },
        severity: a.severity.toUpperCase() === "MEDIUM" ? "MODERATE" : a.severity.toUpperCase(),
        vulnerableVersionRange: a.vulnerableRange,
        firstPatchedVersion: a.patchedVersion ? { identifier: a.patchedVersion } : null,
        updatedAt: "2024-01-01T00:00:00Z",
        advisory: {
          ghsaId: a.ghsaId,
          summary: a.summary,
          description: a.summary,
          permalink: `https://github.com/advisories/${a.ghsaId}`,
          publishedAt: "2024-01-01T00:00:00Z",
          identifiers: [{ type: "GHSA", value: a.ghsaId }],
          id: `GHSA_${a.ghsaId}`,
        },
      }));
      return connection(nodes, args);
    },
  };
}
