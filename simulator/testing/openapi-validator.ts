import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { loadOpenApiSpec } from "../rest/spec";

// Test helper: validates simulator responses against the response schemas of GitHub's
// OpenAPI description. The spec is OpenAPI 3.0, so `nullable: true` becomes `anyOf [.., null]`.

const SPEC_ID = "https://simulator.invalid/api.github.com.json";

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith("#/")) out[k] = `${SPEC_ID}${v}`;
    else if (
      k !== "nullable" &&
      k !== "discriminator" &&
      k !== "example" &&
      k !== "examples" &&
      !k.startsWith("x-")
    )
      out[k] = convert(v);
  }
  if ((node as { nullable?: boolean }).nullable) return { anyOf: [out, { type: "null" }] };
  return out;
}

let ajv: Ajv | null = null;
const cache = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema({ $id: SPEC_ID, components: { schemas: convert(loadOpenApiSpec().components.schemas) } });
  }
  return ajv;
}

/** Returns null when `body` matches the documented response, else ajv's first errors as text. */
export function validateResponse(
  method: string,
  template: string,
  status: number,
  body: unknown,
): string | null {
  const key = `${method} ${template} ${status}`;
  let fn = cache.get(key);
  if (!fn) {
    const op = loadOpenApiSpec().paths[template]?.[method.toLowerCase()];
    if (!op) return `no operation ${method} ${template}`;
    let resp = op.responses?.[String(status)] as
      { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
    if (resp?.$ref)
      resp = (loadOpenApiSpec() as unknown as { components: { responses: Record<string, typeof resp> } })
        .components.responses[resp.$ref.split("/").pop()!];
    const schema = resp?.content?.["application/json"]?.schema;
    if (!schema) return `no JSON schema for ${key}`;
    fn = instance().compile(convert(schema) as object);
    cache.set(key, fn);
  }
  return fn(body) ? null : JSON.stringify(fn.errors?.slice(0, 3));
}
