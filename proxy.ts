import { NextResponse, type NextRequest } from "next/server";

// A convenience, not a security boundary: requests without a session cookie are sent
// to sign-in early. Every data function authorises the actor itself (lib/server).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search =
    request.nextUrl.pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the auth and webhook APIs, health, the REST API (bearer
  // keys, answered with 401 JSON by its own wrapper), and static assets.
  matcher: ["/((?!signin|api/auth|api/webhooks|api/health|api/v1|_next/static|_next/image|favicon.ico).*)"],
};
