import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Own user: otto (auditor). The server's refusal of a status change by an auditor is
// proven in lib/server/tasks/tasks.integration.test.ts (updateTask → forbidden).

test("an auditor reads the tasks board and a task's page without any control to change them", async ({
  page,
}) => {
  await signInAs(page, "otto");
  await expect(page.getByTestId("current-user")).toContainText("Auditor");
  await page.goto("/tasks?repo=e2e-org%2Fapi");
  const row = page.getByTestId("task-row").first();
  await expect(row).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Work" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Start work|Stop work/ })).toHaveCount(0);

  const taskId = (await row.getAttribute("data-task-id"))!;
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("task-history").locator('[data-kind="opened"]')).toHaveCount(1);
  await expect(
    page.getByRole("button", { name: /Start work|Stop work|Open as GitHub issue|Save assignment/ }),
  ).toHaveCount(0);
});
