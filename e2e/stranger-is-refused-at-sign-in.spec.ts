import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("a GitHub user outside the organisation is refused at sign-in: a clear message, no session, an audited refusal", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: /Sign in with GitHub/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in to GitHub (simulator)" })).toBeVisible();
  await page.locator(`button[data-login="mallory"]`).click();

  await expect(page).toHaveURL(/\/signin\?error=NotMember/);
  await expect(page.getByText("not a member of an allowed organisation")).toBeVisible();
  expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  // Still signed out: the dashboard sends her back to sign-in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  await signInAs(page, "ian");
  await page.goto("/admin/audit");
  const refused = page.getByTestId("audit-row").filter({ hasText: "auth.sign_in_refused" }).first();
  await expect(refused).toContainText("mallory");
  await expect(page.getByTestId("chain-status")).toContainText("Hash chain intact");
});
