// A request's session resolved by the real code: next-auth's real getServerSession and the
// database adapter read a real session row; only the request's cookie comes from the test
// instead of Next's request scope. Tests that need it mock two modules with these
// factories (vi.mock is hoisted, so the factories import this file):
//   vi.mock("next/headers", async () => (await import("@/testing/real-session")).nextHeadersMock("ua"));
//   vi.mock("next-auth", async (real) => (await import("@/testing/real-session")).nextAuthMock(real, "ua"));
// and run each call as `asRequest(cookie, () => …)`.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashSessionToken } from "@/lib/server/internal/next-auth-adapter";

const request = new AsyncLocalStorage<{ cookie: string | null }>();
const COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Runs `work` as a request carrying the session cookie `cookie` (null: none). */
export function asRequest<T>(cookie: string | null, work: () => T): T {
  return request.run({ cookie }, work);
}

/** next/headers for a server action or page: the current request's cookie. */
export function nextHeadersMock(userAgent: string) {
  return {
    headers: async () => new Headers({ "user-agent": userAgent }),
    cookies: async () => {
      const cookie = request.getStore()?.cookie;
      const all = cookie ? COOKIE_NAMES.map((name) => ({ name, value: cookie })) : [];
      return { getAll: () => all, get: (n: string) => all.find((c) => c.name === n) };
    },
  };
}

/**
 * next-auth with its real getServerSession, given the request's cookie the way the pages
 * router passes it (req/res), so the adapter, session expiry and disabled-user refusal run.
 */
export async function nextAuthMock(importOriginal: <T>() => Promise<T>, userAgent: string) {
  const real = await importOriginal<typeof NextAuthModule>();
  const getServerSession = async (options: Parameters<typeof real.getServerSession>[0]) => {
    const cookie = request.getStore()?.cookie;
    const cookies = Object.fromEntries(cookie ? COOKIE_NAMES.map((n) => [n, cookie]) : []);
    const req = { headers: { "user-agent": userAgent }, cookies };
    const res = { getHeader: () => undefined, setHeader: () => res };
    return (real.getServerSession as (...a: unknown[]) => Promise<unknown>)(req, res, options);
  };
  return { ...real, default: real.default, getServerSession };
}

/** A database session for `userId` valid for an hour; returns the cookie's token. */
export async function createSession(prisma: PrismaClient, userId: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await prisma.session.create({
    data: { userId, sessionToken: hashSessionToken(token), expires: new Date(Date.now() + 3_600_000) },
  });
  return token;
}
