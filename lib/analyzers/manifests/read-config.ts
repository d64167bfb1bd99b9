// Bounded, pollution-safe readers for JSON and TOML manifests: a parse failure is a
// reason, never a throw; callers read only own properties.
import { parse as parseToml } from "smol-toml";

const MANIFEST_MAX_BYTES = 5_000_000;

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

function asRecord(v: unknown): Parsed {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? { ok: true, value: v as Record<string, unknown> }
    : { ok: false, reason: "not an object at top level" };
}

export function readJson(text: string): Parsed {
  if (text.length > MANIFEST_MAX_BYTES) return { ok: false, reason: "file too large" };
  try {
    return asRecord(JSON.parse(text));
  } catch (e) {
    return {
      ok: false,
      reason: `invalid JSON: ${e instanceof Error ? e.message.slice(0, 120) : "parse error"}`,
    };
  }
}

export function readToml(text: string): Parsed {
  if (text.length > MANIFEST_MAX_BYTES) return { ok: false, reason: "file too large" };
  try {
    return asRecord(parseToml(text));
  } catch (e) {
    // Includes RangeError from hostile nesting.
    return {
      ok: false,
      reason: `invalid TOML: ${e instanceof Error ? e.message.split("\n")[0]?.slice(0, 120) : "parse error"}`,
    };
  }
}

export function own(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

/** Non-empty object or array. */
export function nonEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && typeof v === "object" && Object.keys(v).length > 0;
}
