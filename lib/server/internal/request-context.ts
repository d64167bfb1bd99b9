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
  // X-Forwarded-For here is trustworthy: lib/http/install-forwarded-guard.ts removed any the
  // client sent unless it came through a GATEHOUSE_TRUSTED_PROXIES proxy (which cut it to the
  // client's address), and Next otherwise fills it with the socket's peer address.
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || null, userAgent: headers.get("user-agent") };
}
