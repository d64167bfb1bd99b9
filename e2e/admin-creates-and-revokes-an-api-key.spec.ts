import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

test("an admin creates an API key, sees it once, uses it, and revoking it stops it", async ({
  page,
  request,
}) => {
  await signInAs(page, "ada");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.getByLabel("Name").fill("e2e-export");
  await page.getByLabel("Role").selectOption("auditor");
  await page.getByLabel("Organisations (optional)").fill("e2e-org");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveValue(/^ghk_[A-Za-z0-9_-]{43}$/);
  const key = await shown.inputValue();
  const row = page.getByTestId("api-key-e2e-export");
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Auditor");
  await expect(row).toContainText("e2e-org");

  const auth = { authorization: `Bearer ${key}` };
  const orgs = await request.get("/api/v1/orgs", { headers: auth });
  expect(orgs.status()).toBe(200);
  expect(await orgs.json()).toMatchObject({ total: 1, data: [{ login: "e2e-org" }] });
  expect((await request.get("/api/v1/api-keys", { headers: auth })).status()).toBe(403);
  const trend = await request.get("/api/v1/orgs/e2e-org/trend?days=7", { headers: auth });
  expect(trend.status()).toBe(200);
  // An auditor's key reads tasks but cannot move one: the server refuses (403).
  const tasks = await request.get("/api/v1/tasks?status=active&pageSize=1", { headers: auth });
  expect(tasks.status()).toBe(200);
  const [task] = ((await tasks.json()) as { data: Array<{ id: string }> }).data;
  expect(task).toBeDefined();
  const moved = await request.patch(`/api/v1/tasks/${task!.id}`, {
    headers: auth,
    data: { status: "in_progress" },
  });
  expect(moved.status()).toBe(403);

  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(key);

  await row.getByRole("button", { name: "Revoke e2e-export" }).click();
  await expect(row).toContainText("Revoked");
  const after = await request.get("/api/v1/orgs", { headers: auth });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await signOut(page);
});

test("an auditor has no API keys page", async ({ page }) => {
  await signInAs(page, "ian");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  const res = await page.goto("/admin/api-keys");
  expect(res?.status()).toBe(403);
});
