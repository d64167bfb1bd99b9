import "server-only";
import { getActor } from "../auth";
import type { Actor } from "../server/authz/actor";
import { requestMetaFrom } from "../server/internal/request-context";
import { resolveApiKey } from "../server/internal/resolve-api-key";

/**
 * The caller of a v1 route that browsers also use (downloads, the threat-model editor's
 * forged-request guard): an API key when an Authorization header is sent, otherwise the
 * dashboard session. Either way the same lib/server verb authorises the result.
 */
export async function requestActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  return authorization ? resolveApiKey(authorization, requestMetaFrom(request.headers)) : getActor();
}
