import {
  getNamedType,
  isCompositeType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

// GitHub's GraphQL rate-limit cost: every connection costs one request per parent node
// that asks for it (the product of the enclosing connections' first/last); the sum is
// divided by 100 and rounded, minimum 1. Node count is the product of sizes down each
// path, at most 500,000. A connection without first/last, or above 100, is refused.

export interface CostResult {
  cost: number;
  requests: number;
  nodes: number;
  dryRun: boolean;
  errors: Array<{ type: string; message: string; line?: number; column?: number; path: string[] }>;
}

const MAX_NODES = 500_000;
const MAX_PAGE = 100;

export function selectOperation(
  doc: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | null {
  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return ops.find((o) => o.name?.value === operationName) ?? null;
  return ops.length === 1 ? ops[0]! : null;
}

export function computeCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CostResult {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: CostResult = { cost: 1, requests: 0, nodes: 0, dryRun: false, errors: [] };
  const root = op.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return out;

  const walk = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    multiplier: number,
    path: string[],
    depth: number,
  ) => {
    if (depth > 40) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (t && isCompositeType(t)) walk(sel.selectionSet, t, multiplier, path, depth + 1);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const t = f ? schema.getType(f.typeCondition.name.value) : null;
        if (f && t && isCompositeType(t)) walk(f.selectionSet, t, multiplier, path, depth + 1);
        continue;
      }
      if (!("getFields" in type)) continue;
      const def = type.getFields()[sel.name.value];
      if (!def) continue;
      const fieldPath = [...path, sel.alias?.value ?? sel.name.value];
      const named = getNamedType(def.type);
      const arg = (name: string): unknown => {
        const node = sel.arguments?.find((a) => a.name.value === name);
        const argDef = def.args.find((a) => a.name === name);
        return node && argDef ? valueFromAST(node.value, argDef.type, variables) : undefined;
      };
      if (sel.name.value === "rateLimit" && arg("dryRun") === true) out.dryRun = true;
      let childMultiplier = multiplier;
      const isConnection = named.name.endsWith("Connection") && def.args.some((a) => a.name === "first");
      if (isConnection) {
        const size = (arg("first") ?? arg("last")) as number | null | undefined;
        const loc = sel.loc ? { line: sel.loc.startToken.line, column: sel.loc.startToken.column } : {};
        if (size === undefined || size === null) {
          out.errors.push({
            type: "MISSING_PAGINATION_BOUNDARIES",
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`,
            path: fieldPath,
            ...loc,
          });
          continue;
        }
        if (size > MAX_PAGE || size < 0) {
          const which = arg("first") !== undefined && arg("first") !== null ? "first" : "last";
          out.errors.push({
            type: "EXCESSIVE_PAGINATION",
            message: `Requesting ${size} records on the \`${sel.name.value}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.`,
            path: fieldPath,
            ...loc,
          });
          continue;
        }
        out.requests += multiplier;
        out.nodes += multiplier * size;
        childMultiplier = multiplier * size;
      }
      if (sel.selectionSet && isCompositeType(named))
        walk(sel.selectionSet, named, childMultiplier, fieldPath, depth + 1);
    }
  };
  walk(op.selectionSet, root, 1, [], 0);
  out.cost = Math.max(1, Math.round(out.requests / 100));
  if (out.nodes > MAX_NODES)
    out.errors.push({
      type: "MAX_NODE_LIMIT_EXCEEDED",
      message: `This query requests up to ${out.nodes.toLocaleString("en-US")} possible nodes which exceeds the maximum of ${MAX_NODES.toLocaleString("en-US")}.`,
      path: [],
    });
  return out;
}
