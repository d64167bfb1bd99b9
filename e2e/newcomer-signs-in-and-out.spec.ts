import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

test("a newcomer signs in through GitHub OAuth, sees the dashboard, signs out, and the old session is dead", async ({
  page,
  context,
}) => {
  await signInAs(page, "nora");
  // First sign-in creates the user with the configured default role.
  await expect(page.getByTestId("current-user")).toContainText("Engineer");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Overview");
  await expect(page.getByRole("navigation", { name: "Main" })).not.toContainText("Users");
  await expect(page.getByText("E2E Org")).toBeVisible();

  const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session?.value).toBeTruthy();

  await signOut(page);

  // Replay the old cookie: the session row is gone, so the server treats it as signed out.
  await context.addCookies([session!]);
  const res = await page.goto("/");
  expect(res?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: /Sign in with GitHub/ })).toBeVisible();

  // An auditor finds both events in the audit log, attributed to the newcomer.
  await context.clearCookies();
  await signInAs(page, "ian");
  await page.goto("/admin/audit");
  const rows = page.getByTestId("audit-row").filter({ hasText: "nora" });
  await expect(rows.filter({ hasText: "auth.sign_out" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "auth.sign_in" })).toHaveCount(1);
});
