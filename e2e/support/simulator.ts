import { expect, type APIRequestContext } from "@playwright/test";

// The postgres demo server's GitHub simulator (playwright.config.ts starts it on
// PORT_BASE + 50 with its test-only routes on).
const SIMULATOR = `http://127.0.0.1:${Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? 3100) + 50}`;

/** A push to a simulated repository's default branch, as a developer would make on GitHub. */
export async function pushToSimulator(
  request: APIRequestContext,
  repo: string,
  files: Record<string, string | null>,
): Promise<void> {
  const res = await request.post(`${SIMULATOR}/_simulator/repos/${repo}/push`, { data: { files } });
  expect(res.status()).toBe(200);
}
