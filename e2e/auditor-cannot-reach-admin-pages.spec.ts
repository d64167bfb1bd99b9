import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

test("an auditor gets a 403 page on an admin page, and the refusal is in the audit log", async ({ page }) => {
  await signInAs(page, "ian");
  await expect(page.getByTestId("current-user")).toContainText("Auditor");

  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don.t have access/ })).toBeVisible();

  // Auditors may read the audit log: the refusal they just caused is there, with where it came from.
  await page.goto("/admin/audit");
  const denied = page.getByTestId("audit-row").filter({ hasText: "authz.denied" }).first();
  await expect(denied).toContainText("ian");
  await expect(denied).toContainText("127.0.0.1");
  await expect(denied).toContainText("HeadlessChrome");
  await expect(page.getByTestId("chain-status")).toContainText("Hash chain intact");
  await signOut(page);
});

// Own user: rhea. Changing a shared user's role would leak into every later spec that signs in as them.
test("an admin's role change applies on the user's next request", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const userCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  const user = await userCtx.newPage();
  await signInAs(user, "rhea");
  await expect(user.getByTestId("current-user")).toContainText("Engineer");

  await signInAs(admin, "ada");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-rhea");
  await row.getByLabel("Role of rhea").selectOption("auditor");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByTestId("role")).toHaveText("Auditor");
  await expect(row.getByTestId("role-feedback")).toHaveText("Role saved.");

  await user.reload();
  await expect(user.getByTestId("current-user")).toContainText("Auditor");
  await expect(user.getByRole("navigation", { name: "Main" })).toContainText("Audit log");

  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-row").filter({ hasText: "user.role_changed" }).first()).toContainText(
    "ada",
  );
  await adminCtx.close();
  await userCtx.close();
});
