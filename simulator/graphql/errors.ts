import { print, visit, Kind, type DocumentNode, type GraphQLError } from "graphql";

// Rewrites graphql-js validation messages into the wording and shape GitHub's GraphQL API
// (graphql-ruby) uses, so clients and tests see what they would see against GitHub.

export interface GithubGraphqlError {
  message: string;
  type?: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** Document path ("query Name", field, field…) of every field node, keyed by source offset. */
function fieldPaths(doc: DocumentNode): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const stack: string[] = [];
  visit(doc, {
    OperationDefinition: {
      enter: (n) => void stack.push(n.name ? `${n.operation} ${n.name.value}` : n.operation),
      leave: () => void stack.pop(),
    },
    FragmentDefinition: {
      enter: (n) => void stack.push(`fragment ${n.name.value}`),
      leave: () => void stack.pop(),
    },
    InlineFragment: {
      enter: (n) => void stack.push(`... on ${n.typeCondition?.name.value ?? ""}`),
      leave: () => void stack.pop(),
    },
    Field: {
      enter: (n) => {
        stack.push(n.alias?.value ?? n.name.value);
        if (n.loc) out.set(n.loc.start, [...stack]);
      },
      leave: () => void stack.pop(),
    },
  });
  return out;
}

const RULES: Array<
  [RegExp, (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> }]
> = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"/,
    (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/,
    (m) => ({
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required/,
    (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields/,
    (m) => ({
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${m[2]!.replace(/!$/, "")} but has selections)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: m[2]!.replace(/!$/, ""),
      },
    }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    (m) => ({
      message: `Field must have selections (field '${m[1]}' returns ${m[2]!.replace(/[![\]]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: m[2]!.replace(/[![\]]/g, ""),
      },
    }),
  ],
  [
    /^Unknown type "(\w+)"/,
    (m) => ({
      message: `No such type ${m[1]}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: m[1] },
    }),
  ],
  [
    /^Variable "\$(\w+)" of required type "([^"]+)" was not provided/,
    (m) => ({
      message: `Variable $${m[1]} of type ${m[2]} was provided invalid value`,
      extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    }),
  ],
  [
    /^Variable "\$(\w+)" got invalid value (.*?); (.*)$/,
    (m) => ({
      message: `Variable $${m[1]} of type {{${m[1]}}} was provided invalid value`,
      extensions: { value: m[2], problems: [{ path: [], explanation: m[3] }] },
    }),
  ],
];

export function formatValidationErrors(
  doc: DocumentNode,
  errors: readonly GraphQLError[],
): GithubGraphqlError[] {
  const paths = fieldPaths(doc);
  const varTypes = new Map<string, string>();
  visit(doc, { VariableDefinition: (v) => void varTypes.set(v.variable.name.value, print(v.type)) });
  const withTypes = (msg: string) => msg.replace(/\{\{(\w+)\}\}/g, (_, n: string) => varTypes.get(n) ?? "?");
  return errors.map((e) => {
    const locations = e.locations?.map((l) => ({ line: l.line, column: l.column }));
    const node = e.nodes?.find((n) => n.kind === Kind.FIELD) ?? e.nodes?.[0];
    const path = node?.loc ? paths.get(node.loc.start) : undefined;
    for (const [re, fn] of RULES) {
      const m = re.exec(e.message);
      if (m) {
        const r = fn(m);
        return {
          ...r,
          message: withTypes(r.message),
          ...(path ? { path } : {}),
          ...(locations ? { locations } : {}),
        };
      }
    }
    return { message: e.message, ...(path ? { path } : {}), ...(locations ? { locations } : {}) };
  });
}

/** graphql-ruby's parse error wording: `Parse error on "}" (RCURLY) at [1, 12]`. */
export function formatSyntaxError(e: GraphQLError): GithubGraphqlError {
  const loc = e.locations?.[0];
  const found = /found (?:"([^"]*)"|<EOF>|([^.]+))/.exec(e.message);
  const token = found ? (found[1] ?? found[2] ?? "end of string") : "end of string";
  const shown = /found <EOF>/.test(e.message) ? "end of string" : `"${token.trim()}"`;
  return {
    message: `Parse error on ${shown} at [${loc?.line ?? 1}, ${loc?.column ?? 1}]`,
    ...(loc ? { locations: [{ line: loc.line, column: loc.column }] } : {}),
  };
}

/** Execution errors: GitHub puts `type` (NOT_FOUND, FORBIDDEN…) beside the message. */
export function formatExecutionError(e: GraphQLError): GithubGraphqlError {
  const type = typeof e.extensions?.type === "string" ? e.extensions.type : undefined;
  return {
    ...(type ? { type } : {}),
    ...(e.path ? { path: [...e.path] } : {}),
    ...(e.locations ? { locations: e.locations.map((l) => ({ line: l.line, column: l.column })) } : {}),
    message: e.message,
  };
}
