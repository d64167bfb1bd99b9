import NextAuth from "next-auth";
import { getAuthOptions, requestContext, requestMetaFrom } from "@/lib/auth";
import { rateLimitRules, throttle } from "@/lib/server/internal/throttle";

// Built per request (cheaply: options are memoised) so `next build` needs no secrets,
// and run inside the request context so sign-in/sign-out audit entries get IP and UA.
// Sign-in attempts (starting the OAuth dance, and its callback) spend the client IP's
// sign-in budget (shared by every web process through Postgres): past it, 429.
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(req: Request, ctx: RouteContext) {
  const meta = requestMetaFrom(req.headers);
  const [step] = (await ctx.params).nextauth;
  const signingIn = step === "callback" || (step === "signin" && req.method === "POST");
  if (signingIn && meta.ip) {
    const budget = await throttle(rateLimitRules().signInIp, meta.ip, { userId: null, login: null, ...meta });
    if (!budget.allowed)
      return new Response("Too many sign-in attempts; try again later.", {
        status: 429,
        headers: { "retry-after": String(budget.retryAfterSeconds), "cache-control": "no-store" },
      });
  }
  const handler = NextAuth(getAuthOptions());
  return requestContext.run(meta, () => handler(req, { params: ctx.params }));
}

export { handle as GET, handle as POST };
