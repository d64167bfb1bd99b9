import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// next-auth's events receive no request, but the audit log wants the IP and user agent
// of sign-in and sign-out: the auth route runs the handler inside this context.
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestMeta>();

export function requestMetaFrom(headers: Headers): RequestMeta {
  // Behind a reverse proxy the client address is the first X-Forwarded-For hop.
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || headers.get("x-real-ip") || null, userAgent: headers.get("user-agent") };
}
