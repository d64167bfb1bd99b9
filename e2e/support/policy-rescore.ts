import { expect, type Page } from "@playwright/test";

/**
 * Every policy change (a save, an exception approved or revoked) returns before the scores
 * move: the worker re-scores. Waits, by condition, until the policy page shows the
 * re-scoring of the active version finished (the page polls the job while it runs).
 */
export async function waitForPolicyRescore(page: Page): Promise<void> {
  await page.goto("/policy");
  const version = /Version (\d+)/.exec((await page.getByTestId("active-version").textContent()) ?? "")?.[1];
  expect(version).toBeDefined();
  const progress = page.getByTestId("rescore-progress");
  await expect(progress).toContainText(`Re-scoring under version ${version}`);
  await expect(progress).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
}
