import type { IncomingMessage, ServerResponse } from "node:http";
import {
  execute,
  GraphQLError,
  isNonNullType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
} from "graphql";
import type { SimContext } from "../context";
import { answerFault, primaryLimited, secondaryLimited } from "../gate";
import { bearerToken, readBody, sendJson } from "../http";
import { rateLimitHeaders } from "../limits";
import { tokenStats } from "../stats";
import { userId } from "../users";
import { computeCost, selectOperation } from "./cost";
import type { GraphqlContext } from "./model-collaborators";
import {
  formatExecutionError,
  formatSyntaxError,
  formatValidationErrors,
  type GithubGraphqlError,
} from "./errors";
import { queryRoot } from "./root";
import { githubSchema } from "./schema";

const DOCS = "https://docs.github.com/graphql";

// Fields the fixture model leaves out resolve to null when nullable; a non-null one says so
// plainly instead of pretending.
const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source && typeof source === "object" && info.fieldName in source) {
    const v = (source as Record<string, unknown>)[info.fieldName];
    return typeof v === "function"
      ? (v as (a: unknown, c: unknown, i: unknown) => unknown)(args, context, info)
      : v;
  }
  if (isNonNullType(info.returnType))
    throw new GraphQLError(`Field '${info.parentType.name}.${info.fieldName}' is not simulated`);
  return null;
};

/** POST /graphql: auth, faults, limits, parse, validate against GitHub's schema, cost, execute. */
export async function handleGraphql(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const credential = bearerToken(req);
  if (!credential)
    return sendJson(res, 401, {
      message: "This endpoint requires you to be authenticated.",
      documentation_url: `${DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`,
      status: "401",
    });
  const auth = ctx.tokens.lookup(credential);
  if (!auth)
    return sendJson(res, 401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });
  const token = auth.token;
  const uid = userId(auth.login);
  if (!ctx.limits.enter(token)) {
    ctx.stats.secondaryLimited += 1;
    return secondaryLimited(ctx, res, token, "graphql", 403, 60);
  }
  res.on("close", () => ctx.limits.leave(token));
  const fault = ctx.faults.forRequest("POST", "/graphql");
  if (fault && fault.kind !== "truncate-blobs")
    return void answerFault(ctx, res, fault, token, "graphql", uid);
  if (ctx.limits.view(token, "graphql").remaining <= 0) {
    ctx.stats.primaryLimited += 1;
    return primaryLimited(ctx, res, token, "graphql", uid);
  }
  const wait = ctx.limits.spendMinute(token, "graphql", "graphql", 1);
  if (wait !== null) {
    ctx.stats.secondaryLimited += 1;
    return secondaryLimited(ctx, res, token, "graphql", 403, wait);
  }

  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(await readBody(req)) as typeof body;
  } catch {
    return sendJson(res, 400, { message: "Problems parsing JSON", documentation_url: DOCS, status: "400" });
  }
  const stats = tokenStats(ctx.stats, token);
  ctx.stats.graphql += 1;
  stats.graphql += 1;
  const reply = (payload: { data?: unknown; errors?: GithubGraphqlError[] }) =>
    sendJson(res, 200, payload, rateLimitHeaders(ctx.limits.view(token, "graphql")));
  if (typeof body.query !== "string" || !body.query.trim())
    return reply({ errors: [{ message: "A query attribute must be specified and must be a string." }] });
  let doc: DocumentNode;
  try {
    doc = parse(body.query);
  } catch (e) {
    return reply({ errors: [formatSyntaxError(e as GraphQLError)] });
  }
  const schema = githubSchema();
  const invalid = validate(schema, doc);
  if (invalid.length > 0) return reply({ errors: formatValidationErrors(doc, invalid) });
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  const op = selectOperation(doc, operationName);
  if (!op)
    return reply({
      errors: [
        {
          message: operationName ? `No operation named "${operationName}"` : "An operation name is required",
        },
      ],
    });
  if (op.operation !== "query")
    return reply({
      errors: [
        { type: "FORBIDDEN", message: "The simulator serves queries only; mutations are not simulated." },
      ],
    });
  const variables =
    body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : {};
  const cost = computeCost(schema, doc, op, variables);
  if (cost.errors.length > 0)
    return reply({
      errors: cost.errors.map((e) => ({
        type: e.type,
        path: e.path,
        ...(e.line ? { locations: [{ line: e.line, column: e.column ?? 1 }] } : {}),
        message: e.message,
      })),
    });
  const before = ctx.limits.view(token, "graphql");
  if (!cost.dryRun && cost.cost > before.remaining) {
    ctx.stats.primaryLimited += 1;
    return primaryLimited(ctx, res, token, "graphql", uid);
  }
  const rate = cost.dryRun ? before : ctx.limits.charge(token, "graphql", cost.cost);
  if (!cost.dryRun) {
    ctx.stats.graphqlPoints += cost.cost;
    stats.graphqlPoints += cost.cost;
  }
  const rootValue = queryRoot(ctx, { cost: cost.cost, nodeCount: cost.nodes, rate, auth });
  const contextValue: GraphqlContext = { auth };
  const result = await execute({
    schema,
    document: doc,
    rootValue,
    contextValue,
    variableValues: variables,
    operationName,
    fieldResolver,
  });
  if (!result.data && result.errors) return reply({ errors: formatValidationErrors(doc, result.errors) });
  reply({ data: result.data, ...(result.errors ? { errors: result.errors.map(formatExecutionError) } : {}) });
}
