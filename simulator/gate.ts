import type { ServerResponse } from "node:http";
import type { SimContext } from "./context";
import type { FaultRule } from "./faults";
import { sendJson } from "./http";
import { rateLimitHeaders, type Resource } from "./limits";

// Answers shared by REST and GraphQL: injected faults and GitHub's rate-limit refusals.

const SECONDARY_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";
const SECONDARY_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";
const PRIMARY_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

export function primaryLimited(
  ctx: SimContext,
  res: ServerResponse,
  token: string,
  resource: Resource,
  userId: number,
  resetInSeconds?: number,
): void {
  const v = ctx.limits.view(token, resource);
  const reset = resetInSeconds === undefined ? v.reset : Math.ceil(ctx.now() / 1000) + resetInSeconds;
  const headers = rateLimitHeaders({ ...v, remaining: 0, used: v.limit, reset });
  const message = `API rate limit exceeded for user ID ${userId}. If you reach out to GitHub Support for help, please include the request ID.`;
  if (resource === "graphql")
    return sendJson(
      res,
      200,
      {
        errors: [
          {
            type: "RATE_LIMITED",
            code: "graphql_rate_limit",
            message: `API rate limit already exceeded for user ID ${userId}.`,
          },
        ],
      },
      headers,
    );
  sendJson(res, 403, { message, documentation_url: PRIMARY_DOCS, status: "403" }, headers);
}

export function secondaryLimited(
  ctx: SimContext,
  res: ServerResponse,
  token: string,
  resource: Resource,
  status: 403 | 429,
  retryAfter: number | null,
): void {
  const headers = rateLimitHeaders(ctx.limits.view(token, resource));
  if (retryAfter !== null) headers["retry-after"] = String(retryAfter);
  sendJson(
    res,
    status,
    { message: SECONDARY_MESSAGE, documentation_url: SECONDARY_DOCS, status: String(status) },
    headers,
  );
}

/**
 * Answers with the injected fault. Returns false for `hang`: the caller must then leave the
 * response open (the simulator destroys such sockets when it closes).
 */
export function answerFault(
  ctx: SimContext,
  res: ServerResponse,
  fault: FaultRule,
  token: string,
  resource: Resource,
  userId: number,
): boolean {
  ctx.stats.faults += 1;
  switch (fault.kind) {
    case "primary-limit":
      primaryLimited(ctx, res, token, resource, userId, 1);
      return true;
    case "secondary-limit":
      secondaryLimited(
        ctx,
        res,
        token,
        resource,
        fault.status ?? 403,
        fault.retryAfter === undefined ? 1 : fault.retryAfter,
      );
      return true;
    case "server-error": {
      const status = fault.status ?? 502;
      sendJson(res, status, {
        message: status === 502 ? "Server Error" : "Internal Server Error",
        documentation_url: "https://docs.github.com/rest",
        status: String(status),
      });
      return true;
    }
    case "hang":
      return false;
    case "truncate-blobs":
      return true;
  }
}
