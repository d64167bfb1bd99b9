// Literal values a `${{ matrix.<key> }}` can take, from the job's strategy.matrix
// (the key's list plus `include` entries). undefined when the matrix is not literal.
import { own } from "../../analyzers/manifests/read-config";

export const WHOLE = /^\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}$/;

export function matrixValues(expr: string, matrix: unknown): string[] | undefined {
  const m = WHOLE.exec(expr.trim());
  if (!m || matrix === null || typeof matrix !== "object") return undefined;
  const key = m[1] ?? "";
  const out: string[] = [];
  const add = (v: unknown): boolean => {
    const image = own(v, "image");
    if (typeof v === "string") out.push(v);
    // A matrix entry may hold a whole container mapping ({ image, options }).
    else if (typeof image === "string") out.push(image);
    else if (v !== undefined) return false;
    return true;
  };
  const list = own(matrix, key);
  if (Array.isArray(list)) {
    for (const v of list) if (!add(v)) return undefined;
  } else if (list !== undefined) return undefined;
  const include = own(matrix, "include");
  if (Array.isArray(include)) for (const entry of include) if (!add(own(entry, key))) return undefined;
  return out.length > 0 ? out : undefined;
}
