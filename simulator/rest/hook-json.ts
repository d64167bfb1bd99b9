import type { z } from "zod";
import type { webhookSchema } from "../fixture/schema-org";

type WebhookConfig = z.output<typeof webhookSchema>;

// A repository or organisation webhook as GitHub's REST API shows it (the `hook` and
// `org-hook` schemas): one builder, so both routes answer in the same shape.

interface HookPlace {
  type: "Repository" | "Organization";
  /** The hooks collection's API URL (`…/repos/{o}/{r}/hooks` or `…/orgs/{org}/hooks`). */
  collectionUrl: string;
  /** Ids are derived from the owner's id when the fixture gives none. */
  ownerId: number;
  createdAt: string;
}

export function hookJson(place: HookPlace, h: WebhookConfig, index: number) {
  const id = h.id ?? place.ownerId * 100 + index;
  const api = `${place.collectionUrl}/${id}`;
  return {
    type: place.type,
    id,
    name: "web",
    active: h.active,
    events: h.events,
    config: {
      url: h.url,
      content_type: h.contentType,
      insecure_ssl: h.insecureSsl ? "1" : "0",
      ...(h.hasSecret ? { secret: "********" } : {}),
    },
    updated_at: place.createdAt,
    created_at: place.createdAt,
    url: api,
    ping_url: `${api}/pings`,
    deliveries_url: `${api}/deliveries`,
    // Only repository hooks carry these.
    ...(place.type === "Repository"
      ? { test_url: `${api}/test`, last_response: { code: null, status: "unused", message: null } }
      : {}),
  };
}
