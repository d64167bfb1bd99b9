import { readdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

// Every repository of the fixture org is synced: one directory each.
const REPOS = readdirSync(new URL("./fixtures/org/repos/", import.meta.url)).length;

test("an admin starts a full sync on the Sync page and sees it complete with its request figures", async ({
  page,
}) => {
  await signInAs(page, "ada");
  await page.goto("/sync");
  const org = page.getByTestId("sync-org-e2e-org");
  const runs = org.getByTestId("sync-runs").locator("tbody tr");
  // The demo synced before serving (other journeys may have synced since): count from here.
  await expect(runs.first()).toContainText("succeeded");
  const before = await runs.count();
  expect(before, "the page lists the latest 20 runs: a new one must be able to add a row").toBeLessThan(20);

  await org.getByLabel("Sync kind").selectOption("full");
  await org.getByTestId("start-sync").click();
  // The note shows while the run is queued or running, never after it ended.
  await expect(org.getByRole("status")).toHaveText("Sync started: its progress shows below.");

  // The worker (running inside the demo process) picks the run up; the page follows it
  // without a manual reload, then the history shows the finished run's figures.
  await expect(runs).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(runs.first()).toContainText("succeeded", { timeout: 30_000 });
  const cells = runs.first().locator("td");
  await expect(cells.nth(1)).toContainText("full · manual");
  await expect(cells.nth(3)).toHaveText(`${REPOS} / ${REPOS}`);
  await expect(org.getByTestId("sync-idle")).toContainText("Last completed");

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: "sync.started" }).first()).toContainText(
    "ada",
  );
  await signOut(page);
});

test("an engineer sees sync history but cannot start a sync", async ({ page }) => {
  await signInAs(page, "eve");
  await page.goto("/sync");
  await expect(page.getByTestId("sync-org-e2e-org").getByTestId("sync-runs")).toBeVisible();
  await expect(page.getByTestId("start-sync")).toHaveCount(0);
});
