import type { OrgFixture } from "./fixture/types";
import { stableId } from "./fixture/types";

/** A GitHub user as the simulator serves it (fixture users, members and collaborators). */
export interface SimUser {
  login: string;
  id: number;
  name: string | null;
  email: string | null;
  role: string | null;
  avatarUrl: string;
}

export function userId(login: string): number {
  return stableId(`user:${login.toLowerCase()}`, 1_000_000);
}

/** Every login the fixture mentions, keyed lower-case; fixture `users` win over derived ones. */
export function collectUsers(fx: OrgFixture, baseUrl: string): Map<string, SimUser> {
  const out = new Map<string, SimUser>();
  const add = (login: string, extra: Partial<SimUser> = {}) => {
    const key = login.toLowerCase();
    if (out.has(key) && !extra.role) return;
    const id = extra.id ?? userId(login);
    out.set(key, {
      login,
      id,
      name: extra.name ?? null,
      email: extra.email ?? null,
      role: extra.role ?? null,
      avatarUrl: extra.avatarUrl ?? `${baseUrl}/avatars/u/${id}`,
    });
  };
  for (const m of fx.org.members) add(m.login);
  for (const r of fx.repos) for (const c of r.config.collaborators) add(c.login, c.id ? { id: c.id } : {});
  for (const u of fx.org.users)
    add(u.login, {
      id: u.id,
      name: u.name ?? null,
      email: u.email ?? `${u.login}@users.noreply.example.com`,
      role: u.role ?? null,
      avatarUrl: u.avatarUrl,
    });
  return out;
}

export function userJson(u: SimUser, baseUrl: string) {
  const api = `${baseUrl}/users/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${Buffer.from(`user:${u.id}`).toString("base64url")}`,
    avatar_url: u.avatarUrl,
    gravatar_id: "",
    url: api,
    html_url: `${baseUrl}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: "User",
    site_admin: false,
    user_view_type: "public",
  };
}

export function privateUserJson(u: SimUser, baseUrl: string) {
  return {
    ...userJson(u, baseUrl),
    name: u.name,
    company: null,
    blog: "",
    location: null,
    email: u.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: "2020-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "pro", space: 976562499, private_repos: 9999, collaborators: 0 },
  };
}
