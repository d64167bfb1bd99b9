import "server-only";
// The one wrapper around next-auth (so it can be swapped): pages and actions import
// from here, never from next-auth directly.
export { getActor } from "./auth/get-actor";
export { getAuthOptions } from "./auth/options";
export { requestContext, requestMetaFrom } from "./server/internal/request-context";
