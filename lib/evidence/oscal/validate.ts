// Validates an assessment-results document against NIST's OSCAL 1.0.6 JSON schema (a
// copy of ../shared/schemas, public domain; a test keeps the copy byte-identical).
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import schema from "./oscal_assessment-results_schema-1.0.6.json";

let validator: ValidateFunction | undefined;

export function validateAssessmentResults(doc: unknown): { ok: true } | { ok: false; errors: string[] } {
  if (!validator) {
    // strict off: NIST's schema carries annotation keywords ajv does not know.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(doc)) return { ok: true };
  return {
    ok: false,
    errors: (validator.errors ?? [])
      .slice(0, 20)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? "invalid"}`),
  };
}
