import { expect, type Page } from "@playwright/test";

/** The whole OAuth dance: Gatehouse → simulator's GitHub sign-in page → back, as `login`. */
export async function signInAs(page: Page, login: string, base = ""): Promise<void> {
  await page.goto(`${base}/`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: /Sign in with GitHub/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in to GitHub (simulator)" })).toBeVisible();
  await page.locator(`button[data-login="${login}"]`).click();
  await expect(page.getByTestId("current-user")).toContainText(login);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
