import "server-only";
import GitHubProvider from "next-auth/providers/github";
import type { Env } from "../env";

interface GitHubProfile {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string;
}

/**
 * next-auth's GitHub provider with every endpoint derived from configuration, so the
 * same code signs in against GitHub.com, GitHub Enterprise Server or the simulator.
 */
export function gitHubProvider(env: Env) {
  const oauth = env.GITHUB_OAUTH_URL.replace(/\/$/, "");
  const api = env.GITHUB_API_URL.replace(/\/$/, "");
  const base = GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET });
  return {
    ...base,
    issuer: `${oauth}/login/oauth`,
    authorization: { url: `${oauth}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${oauth}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = {
          Authorization: `Bearer ${tokens.access_token}`,
          Accept: "application/vnd.github+json",
        };
        const res = await fetch(`${api}/user`, { headers });
        if (!res.ok) throw new Error(`GitHub /user answered ${res.status}`);
        const profile = (await res.json()) as GitHubProfile;
        if (!profile.email) {
          const emails = await fetch(`${api}/user/emails`, { headers });
          if (emails.ok) {
            const list = (await emails.json()) as Array<{
              email: string;
              primary: boolean;
              verified: boolean;
            }>;
            profile.email =
              (list.find((e) => e.primary && e.verified) ?? list.find((e) => e.verified))?.email ?? null;
          }
        }
        return profile as unknown as Record<string, unknown>;
      },
    },
    profile(profile: GitHubProfile) {
      return {
        id: String(profile.id),
        name: profile.name ?? profile.login,
        email: profile.email,
        image: profile.avatar_url,
        githubLogin: profile.login,
      };
    },
  };
}
