// Untrusted JSON (uploaded Threat Dragon files) is measured before it is parsed and
// walked after: too large, too deep, or carrying `__proto__` keys is refused with the
// place named, so a bad file never reaches the model or the prototype chain.

import { jsonErrorOffset } from "./json-error-offset";

export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxDepth: 64 } as const;

/** A refused import: `where` is a line ("line 12") or a JSON path ("$.detail.diagrams[0]"). */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = "ImportError";
  }
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function checkSize(text: string): void {
  // Cheap upper bound first: UTF-8 never takes more than 3 bytes per UTF-16 unit.
  if (text.length * 3 > IMPORT_LIMITS.maxBytes && byteLength(text) > IMPORT_LIMITS.maxBytes)
    throw new ImportError("line 1", `the file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`);
}

/** Finds the first place nesting exceeds the limit without parsing (strings skipped). */
function checkDepth(text: string): void {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > IMPORT_LIMITS.maxDepth)
        throw new ImportError(`line ${line}`, `nesting deeper than ${IMPORT_LIMITS.maxDepth} levels`);
    } else if (c === 125 || c === 93) depth--;
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function checkKeys(value: unknown, path: string): void {
  if (Array.isArray(value)) value.forEach((v, i) => checkKeys(v, `${path}[${i}]`));
  else if (value !== null && typeof value === "object")
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) throw new ImportError(`${path}.${key}`, `the key "${key}" is not allowed`);
      checkKeys((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
}

export function parseUntrustedJson(text: string): unknown {
  checkSize(text);
  checkDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text) ?? 0;
    throw new ImportError(`line ${lineOfOffset(text, offset)}`, `not valid JSON (${message.slice(0, 200)})`);
  }
  checkKeys(value, "$");
  return value;
}
