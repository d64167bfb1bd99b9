import type { SimContext } from "../../context";
import { stableId } from "../../fixture/types";
import { userJson, userId } from "../../users";

// Simple-user and team JSON for logins named in the fixture.

export function userJsonFor(ctx: SimContext, login: string) {
  const u = ctx.users.get(login.toLowerCase());
  const id = u?.id ?? userId(login);
  return userJson(
    u ?? { login, id, name: null, email: null, role: null, avatarUrl: `${ctx.baseUrl}/avatars/u/${id}` },
    ctx.baseUrl,
  );
}

export function teamJsonFor(ctx: SimContext, slug: string) {
  const t = ctx.org.teams.find((x) => x.slug === slug);
  const id = t?.id ?? stableId(`team:${slug}`, 10_000);
  const api = `${ctx.baseUrl}/organizations/${ctx.org.id}/team/${id}`;
  return {
    id,
    node_id: `T_${Buffer.from(`team:${id}`).toString("base64url")}`,
    url: api,
    html_url: `${ctx.baseUrl}/orgs/${ctx.org.login}/teams/${slug}`,
    name: t?.name ?? slug,
    slug,
    description: null,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    parent: null,
  };
}
