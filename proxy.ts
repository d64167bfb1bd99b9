import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders } from "./lib/http/security-headers";
import { malformedRequest } from "./lib/http/malformed-request";

// Runs on every page and route (static assets aside):
// - gives the request a CSP nonce (Next reads it from the request's CSP header and puts it
//   on its scripts; pages can read x-nonce) and sets the security headers on the response;
// - answers malformed requests with a 4xx before any page code can turn them into a 500;
// - sends visitors without a session cookie to sign-in early. That is a convenience, not a
//   security boundary: every data function authorises the actor itself (lib/server).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// The REST API (bearer keys) answers its own 401 JSON rather than a redirect.
const PUBLIC = /^\/(signin|api\/auth|api\/webhooks|api\/health|api\/v1)(\/|$)/;

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    dev: process.env.NODE_ENV === "development",
  });
  const malformed = malformedRequest({
    method: request.method,
    rawPath: request.nextUrl.pathname,
    isServerAction: request.headers.has("next-action"),
    contentLength: request.headers.get("content-length"),
  });
  const response = malformed
    ? new NextResponse(malformed.message, {
        status: malformed.status,
        headers: { "content-type": "text/plain" },
      })
    : needsSignIn(request)
      ? redirectToSignIn(request)
      : passOn(request, nonce, headers);
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

function needsSignIn(request: NextRequest): boolean {
  if (PUBLIC.test(request.nextUrl.pathname)) return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function redirectToSignIn(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search =
    request.nextUrl.pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

function passOn(request: NextRequest, nonce: string, headers: Record<string, string>) {
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]!);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Everything but Next's static assets (those get next.config.js's fixed headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
