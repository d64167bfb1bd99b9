import type { Octokit } from "octokit";
import type { EtagStore } from "./etag-store";

// Turns every REST GET into a conditional request. GitHub answers an unchanged resource
// with 304, which does not count against the primary rate limit; we then hand back the
// body we stored with the ETag, so callers never see the difference.

function isNotModified(
  error: unknown,
): error is { status: 304; response?: { headers?: Record<string, string> } } {
  return typeof error === "object" && error !== null && (error as { status?: number }).status === 304;
}

export function installConditionalRequests(octokit: Octokit, store: EtagStore): void {
  octokit.hook.wrap("request", async (request, options) => {
    const parsed = octokit.request.endpoint.parse(options);
    if (parsed.method !== "GET" || parsed.url.endsWith("/graphql")) return request(options);
    const key = parsed.url;
    const cached = await store.get(key);
    // before-after-hook binds the same options object into every inner hook, so the
    // validator must be set on it in place; passing a copy to request() would be ignored.
    if (cached) options.headers["if-none-match"] = cached.etag;
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (etag) await store.set(key, { etag, data: response.data, link: response.headers.link ?? null });
      return response;
    } catch (error) {
      if (cached && isNotModified(error)) {
        return {
          status: 304,
          url: key,
          headers: { ...(error.response?.headers ?? {}), link: cached.link ?? undefined },
          data: cached.data,
        } as Awaited<ReturnType<typeof request>>;
      }
      throw error;
    }
  });
}
