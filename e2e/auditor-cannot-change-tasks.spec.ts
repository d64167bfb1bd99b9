import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Own users: tess (engineer) only lends a genuine server-action request, which is
// intercepted before it reaches the server; otto (auditor) replays it.

test("an auditor reads the tasks board without controls, and a forged status change is refused", async ({
  browser,
}) => {
  const engineer = await browser.newPage();
  await signInAs(engineer, "tess");
  await engineer.goto("/tasks?repo=e2e-org%2Fapi&status=open");
  const row = engineer.getByTestId("task-row").first();
  const taskId = (await row.getAttribute("data-task-id"))!;

  // Capture what "Start work" posts (the server action id and its form body), without sending it.
  let forged: { headers: Record<string, string>; body: Buffer } | null = null;
  await engineer.route("**/tasks**", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      forged = { headers: req.headers(), body: req.postDataBuffer()! };
      return route.abort();
    }
    return route.continue();
  });
  await row.getByRole("button", { name: /^Start work/ }).click();
  await expect.poll(() => forged !== null).toBe(true);
  await engineer.close();

  const page = await browser.newPage();
  await signInAs(page, "otto");
  await expect(page.getByTestId("current-user")).toContainText("Auditor");
  await page.goto("/tasks?repo=e2e-org%2Fapi&status=open");
  const mine = page.locator(`[data-task-id="${taskId}"]`);
  await expect(mine.getByTestId("task-status")).toHaveText("Open");
  await expect(page.getByRole("button", { name: /Start work|Stop work/ })).toHaveCount(0);
  await mine.locator("td:nth-child(3) a").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Start work|Stop work|Open as GitHub issue/ })).toHaveCount(
    0,
  );

  // The same request under the auditor's session: the server refuses it.
  const { headers, body } = forged!;
  const res = await page.request.post("/tasks", {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(await res.text()).toContain("does not allow task:edit");
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByTestId("task-status")).toHaveText("Open");
  await expect(page.getByTestId("task-history").locator('[data-kind="status_changed"]')).toHaveCount(0);
  await page.close();
});
