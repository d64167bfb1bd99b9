import "server-only";
import { getEnv } from "../../env";

/** What the sign-in page may show: which GitHub it sends users to. Nothing secret. */
export function getSignInInfo(): { providerLabel: string; demo: boolean } {
  const env = getEnv();
  const host = new URL(env.GITHUB_OAUTH_URL).host;
  const demo = env.GATEHOUSE_DEMO;
  return {
    providerLabel: host === "github.com" ? "GitHub" : demo ? "GitHub (simulator)" : `GitHub (${host})`,
    demo,
  };
}
