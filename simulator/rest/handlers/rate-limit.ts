import type { BucketView } from "../../limits";
import type { RouteTable } from "../types";

const shape = (v: BucketView) => ({ limit: v.limit, used: v.used, remaining: v.remaining, reset: v.reset });

export const rateLimitRoutes: RouteTable = {
  // GitHub does not charge GET /rate_limit against the primary limit.
  "GET /rate_limit": ({ ctx, auth }) => {
    const key = auth?.token ?? "anonymous";
    const core = shape(ctx.limits.view(key, "core"));
    const graphql = shape(ctx.limits.view(key, "graphql"));
    return {
      status: 200,
      uncharged: true,
      body: {
        resources: { core, graphql, search: { limit: 30, used: 0, remaining: 30, reset: core.reset } },
        rate: core,
      },
    };
  },
};
