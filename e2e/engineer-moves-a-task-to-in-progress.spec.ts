import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Uses its own engineer (tess) and only the api repository's tasks; the demo's first
// sync + scoring opened them.

test.describe.configure({ timeout: 120_000 });

test("an engineer filters the tasks board to a repository and starts work on a task", async ({ page }) => {
  await signInAs(page, "tess");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("heading", { name: "Remediation tasks" })).toBeVisible();
  const rows = page.getByTestId("task-row");
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/tasks.png", fullPage: true });

  const form = page.getByRole("form", { name: "Filter tasks" });
  await form.getByLabel("Repository").fill("e2e-org/api");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/repo=e2e-org%2Fapi/);
  await expect(rows.first()).toContainText("e2e-org/api");
  for (const repo of await rows.locator("td:nth-child(2)").allTextContents())
    expect(repo).toBe("e2e-org/api");

  const row = rows
    .filter({ has: page.getByTestId("task-status").getByText("Open", { exact: true }) })
    .first();
  const taskId = (await row.getAttribute("data-task-id"))!;
  await row.getByRole("button", { name: /^Start work/ }).click();
  const moved = page.locator(`[data-task-id="${taskId}"]`);
  await expect(moved.getByTestId("task-status")).toHaveText("In progress");
  await expect(moved.getByRole("button", { name: /^Stop work/ })).toBeVisible();

  // The task's history names who moved it; a reload shows the stored state.
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByTestId("task-status")).toHaveText("In progress");
  await expect(page.getByTestId("task-history").locator('[data-kind="status_changed"]')).toContainText(
    "open → in_progress",
  );
  await expect(page.getByTestId("task-history").locator('[data-kind="status_changed"]')).toContainText(
    "tess",
  );
  await expect(page.getByTestId("task-history").locator('[data-kind="opened"]')).toHaveCount(1);

  // Assign it and set its due date; both show on the page and in the history.
  await page.getByLabel("Assignee").fill("tess");
  await page.getByLabel("Due (UTC)").fill("2030-01-31");
  await page.getByRole("button", { name: "Save assignment" }).click();
  await expect(page.getByTestId("task-assignee")).toHaveText("Assignee @tess");
  await expect(page.getByTestId("task-history").locator('[data-kind="assigned"]')).toContainText("@tess");
  await expect(page.getByTestId("task-history").locator('[data-kind="due_changed"]')).toContainText(
    "2030-01-31",
  );
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(violations.map((v) => v.id)).toEqual([]);
  // The assignment form fits a 390 px screen.
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // "Open as GitHub issue": the task then links to the issue the simulator created.
  await page.getByRole("button", { name: "Open as GitHub issue" }).click();
  await expect(page.getByTestId("task-issue")).toHaveAttribute("href", /\/e2e-org\/api\/issues\/\d+$/);
  await expect(page.getByTestId("task-history").locator('[data-kind="issue_opened"]')).toContainText("tess");
});
