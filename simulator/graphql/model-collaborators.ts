import { GraphQLError } from "graphql";
import { permissionOf, repoCollaborators, type Affiliation, type RepoPermission } from "../collaborators";
import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";
import { isOrgAdmin } from "../rest/access";
import type { TokenInfo } from "../tokens";
import { connection, type ConnectionArgs } from "./connection";
import { teamObject, userObject } from "./model-settings";

// Repository.collaborators and Repository.viewerPermission. The viewer comes from the
// execution context (the token behind the request), as on GitHub.

export interface GraphqlContext {
  auth: TokenInfo;
}

const AFFILIATIONS: Record<string, Affiliation> = { OUTSIDE: "outside", DIRECT: "direct", ALL: "all" };
// PermissionSource.permission is the org base-permission enum, which has no triage/maintain.
const BASE_FIELD: Record<RepoPermission, string> = {
  read: "READ",
  triage: "READ",
  write: "WRITE",
  maintain: "WRITE",
  admin: "ADMIN",
};

export function viewerPermissionOf(
  ctx: SimContext,
  repo: RepoFixture,
  auth: TokenInfo | undefined,
): RepoPermission | null {
  if (!auth || isOrgAdmin(ctx, auth)) return "admin";
  return permissionOf(ctx.org, repo, auth.login);
}

type CollaboratorArgs = ConnectionArgs & {
  affiliation?: string | null;
  login?: string | null;
  query?: string | null;
};

export function collaboratorsConnection(
  ctx: SimContext,
  repo: RepoFixture,
  args: CollaboratorArgs,
  gctx: GraphqlContext | undefined,
  repoObj: () => unknown,
  orgObj: () => unknown,
) {
  const viewer = viewerPermissionOf(ctx, repo, gctx?.auth);
  // GitHub lists collaborators to viewers with push access only.
  if (viewer === null || viewer === "read" || viewer === "triage")
    throw new GraphQLError("Must have push access to view repository collaborators.", {
      extensions: { type: "FORBIDDEN" },
    });
  const affiliation = AFFILIATIONS[args.affiliation ?? "ALL"] ?? "all";
  let list = repoCollaborators(ctx.org, repo, affiliation);
  if (args.login) list = list.filter((c) => c.login.toLowerCase() === args.login!.toLowerCase());
  if (args.query) {
    const q = args.query.toLowerCase();
    list = list.filter(
      (c) =>
        c.login.toLowerCase().includes(q) ||
        (ctx.users.get(c.login.toLowerCase())?.name ?? "").toLowerCase().includes(q),
    );
  }
  const conn = connection(list, args);
  const edge = (e: (typeof conn.edges)[number]) => ({
    cursor: e.cursor,
    node: userObject(ctx, e.node.login),
    permission: e.node.permission.toUpperCase(),
    permissionSources: [
      {
        organization: orgObj,
        permission: BASE_FIELD[e.node.permission],
        roleName: e.node.permission,
        source:
          e.node.source.kind === "team"
            ? teamObject(ctx, e.node.source.slug)
            : e.node.source.kind === "organization"
              ? orgObj()
              : repoObj(),
      },
    ],
  });
  const edges = conn.edges.map(edge);
  return { ...conn, edges, nodes: edges.map((e) => e.node) };
}
