// The response headers every page and route carries [ASVS 3.4]. Pure: proxy.ts passes in
// the request's nonce and whether it arrived over https.

export interface HeaderContext {
  /** Per-request, unguessable; Next puts it on its own <script> tags. */
  nonce: string;
  https: boolean;
  /** `next dev` evaluates code for fast refresh: only there is 'unsafe-eval' allowed. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, dev }: Pick<HeaderContext, "nonce" | "dev">): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts Next's nonced bootstrap loads are trusted, nothing else is.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

/** Headers for a page or route response (static assets get the fixed ones from next.config.js). */
export function securityHeaders(ctx: HeaderContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(ctx),
    ...(ctx.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    ...STATIC_SECURITY_HEADERS,
    // Every page is per-user (or the sign-in page): nothing may be kept by a browser or proxy.
    "Cache-Control": "no-store",
  };
}

/** Safe on any response, static files included (next.config.js applies them everywhere). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

/** 128 random bits, base64: the CSP nonce (Web Crypto, so it runs in any runtime). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
