import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./limits";

// Requests no page can serve, refused with a 4xx in proxy.ts [ASVS 16.5]: Next itself
// answers a path that does not percent-decode, or a server action over its body limit, with
// a 500 (its action handler says as much in a TODO), which reads as a server fault.

export interface RequestShape {
  method: string;
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  isServerAction: boolean;
  contentLength: string | null;
}

// Next's own error pages, which it renders itself in place of a failed or missing page.
// Requested by name they are no page of ours: /_global-error even answers a 500.
const NEXT_ERROR_PAGES = /^\/(_global-error|_not-found)(\/|$)/;

export function malformedRequest(r: RequestShape): { status: 400 | 404 | 413; message: string } | null {
  if (NEXT_ERROR_PAGES.test(r.rawPath)) return { status: 404, message: "Not found." };
  try {
    decodeURIComponent(r.rawPath);
  } catch {
    return { status: 400, message: "Bad request: the path is not valid percent-encoding." };
  }
  if (r.method === "POST" && r.isServerAction && r.contentLength !== null) {
    const n = Number(r.contentLength);
    if (!Number.isFinite(n) || n < 0) return { status: 400, message: "Bad request: invalid Content-Length." };
    if (n > SERVER_ACTION_BODY_LIMIT_BYTES)
      return { status: 413, message: "Request too large: the form exceeds the 2 MB limit." };
  }
  return null;
}
