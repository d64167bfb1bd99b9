import type { IncomingMessage, ServerResponse } from "node:http";

// Small HTTP helpers shared by the OAuth, REST and GraphQL handlers.

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a form-encoded or JSON body into a flat string record (OAuth endpoints accept both). */
export function parseFormOrJson(body: string, contentType: string | undefined): Record<string, string> {
  if (!body) return {};
  if (contentType?.includes("application/json")) {
    try {
      const v = JSON.parse(body) as unknown;
      if (v && typeof v === "object")
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
    } catch {
      return {};
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(body));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = "text/plain; charset=utf-8",
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Bearer/token credentials from the Authorization header (`token x`, `bearer x`). */
export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(h.trim());
  return m ? m[1]! : null;
}

/** HTTP Basic credentials (OAuth clients send client_id:client_secret this way). */
export function basicCredentials(req: IncomingMessage): { user: string; pass: string } | null {
  const h = req.headers.authorization;
  const m = h ? /^basic\s+(\S+)$/i.exec(h.trim()) : null;
  if (!m) return null;
  const raw = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = raw.indexOf(":");
  if (i < 0) return null;
  return { user: decodeURIComponent(raw.slice(0, i)), pass: decodeURIComponent(raw.slice(i + 1)) };
}
