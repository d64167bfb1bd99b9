import NextAuth from "next-auth";
import { getAuthOptions, requestContext, requestMetaFrom } from "@/lib/auth";

// Built per request (cheaply: options are memoised) so `next build` needs no secrets,
// and run inside the request context so sign-in/sign-out audit entries get IP and UA.
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(req: Request, ctx: RouteContext) {
  const handler = NextAuth(getAuthOptions());
  return requestContext.run(requestMetaFrom(req.headers), () => handler(req, { params: ctx.params }));
}

export { handle as GET, handle as POST };
