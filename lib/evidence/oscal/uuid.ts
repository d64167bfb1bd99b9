import { createHash } from "node:crypto";

/**
 * A name-based (version 5 layout) UUID from SHA-256 of the seed: the same pack input gives
 * the same ids, so two exports of one as-of date can be diffed, and pure code needs no
 * random source.
 */
export function stableUuid(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * OSCAL control ids are NCName tokens (they must start with a letter), and catalogues
 * write them in lower case ("cc8.1"). ISO Annex A numbers get their "a." prefix, CIS
 * section numbers a "cis-" one.
 */
export function oscalControlId(framework: string, id: string): string {
  const lower = id.toLowerCase();
  if (/^\p{L}/u.test(lower)) return lower;
  return framework === "iso27001" ? `a.${lower}` : `${framework}-${lower}`;
}
