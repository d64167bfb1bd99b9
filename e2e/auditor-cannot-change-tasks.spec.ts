import { expect, test } from "@playwright/test";
import { builtEndpoints } from "./support/build-manifest";
import { signInAs } from "./support/sign-in";

// Own user: otto (auditor). No control is shown, and the server refuses the task actions
// even when the auditor's own browser posts them by hand (a forged Next-Action call, as the
// authorisation matrix spec sends them); lib/server/tasks/tasks.integration.test.ts proves
// the verb's refusal (updateTask → forbidden).

/** The id the browser sends as Next-Action, and a page that serves the action, from the build's manifest. */
function builtAction(key: string): { id: string; page: string } {
  const action = builtEndpoints().actions.find((a) => a.key === key);
  expect(action, `${key} in the build's server-reference manifest`).toBeDefined();
  return action!;
}

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
  const status = (await page.getByTestId("task-status").textContent())!;
  const assignee = (await page.getByTestId("task-assignee").textContent())!;
  const events = await page.getByTestId("task-history").locator("[data-kind]").count();

  // The server refuses: the auditor's browser (its session cookie, its origin) posts the
  // status change and the assignment the absent buttons would have sent.
  for (const [key, fields] of [
    ["components/tasks/actions.ts#updateTaskStatusAction", { id: taskId, status: "in_progress" }],
    ["components/tasks/actions.ts#assignTaskAction", { id: taskId, assignee: "otto", dueAt: "2030-01-01" }],
  ] as const) {
    const action = builtAction(key);
    const answer = await page.evaluate(
      async ({ id, url, fields }) => {
        // React's encoding of a form action's (previous state, FormData) arguments.
        const body = new FormData();
        body.set("0", JSON.stringify([null, "$K1"]));
        for (const [name, value] of Object.entries(fields)) body.set(`1_${name}`, value);
        const res = await fetch(url, {
          method: "POST",
          headers: { "next-action": id, accept: "text/x-component" },
          body,
        });
        return { status: res.status, body: await res.text() };
      },
      { id: action.id, url: action.page.replace("[id]", taskId), fields },
    );
    expect([key, answer.body]).toEqual([key, expect.stringContaining("Your role (auditor) does not allow")]);
  }
  await page.reload();
  await expect(page.getByTestId("task-status")).toHaveText(status);
  await expect(page.getByTestId("task-assignee")).toHaveText(assignee);
  await expect(page.getByTestId("task-history").locator("[data-kind]")).toHaveCount(events);
});
