import { RegistryError } from "./errors";

// Bounded body reads and Link pagination: a registry (or whatever answers at its URL) must
// not be able to exhaust memory with an endless body or walk us off to another host.

export async function readBounded(res: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new RegistryError("too_large", `${what}: ${declared} bytes exceeds the ${maxBytes}-byte bound`);
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RegistryError("too_large", `${what}: body exceeds the ${maxBytes}-byte bound`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new RegistryError(
      "malformed",
      `${what}: malformed JSON (${(error as Error).message.slice(0, 120)})`,
    );
  }
}

/** The `rel="next"` target of a Link header, resolved against `base`, only if it stays on the same origin. */
export function nextLink(header: string | null, base: URL): URL | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel\s*=\s*"?next"?/i.test(m[2] ?? "")) continue;
    const next = new URL(m[1]!, base);
    return next.origin === base.origin ? next : null;
  }
  return null;
}
