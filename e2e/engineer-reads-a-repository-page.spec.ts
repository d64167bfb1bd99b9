import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Needs scores in the demo database: scripts/demo.ts syncs and scores the e2e fixture
// org from the simulator before serving. Reads only: nothing here changes shared data.

const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id);

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("an engineer reads a repository's summary, jumps to a top fix and filters the findings", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "eve");
  await page.goto("/repos/e2e-org/api");

  // Summary first: score, trend, then the fixes that raise the score most.
  await expect(page.getByTestId("overall-score")).toContainText(/\d/);
  await expect(page.getByTestId("trend-summary")).toContainText("Trend (90 days)");
  const fixes = page.getByTestId("top-fixes").getByRole("listitem");
  await expect(fixes.first()).toContainText(/\+\d+\.\d points/);
  const firstFix = fixes.first().getByRole("link").first();
  const target = (await firstFix.getAttribute("href"))!;
  expect(target).toMatch(/^#check-/);
  await firstFix.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();

  // Evidence in a file links to that line at the synced commit.
  const link = page.getByTestId("evidence-link").first();
  await expect(link).toHaveAttribute("href", /\/e2e-org\/api\/blob\/[0-9a-f]{40}\/.+#L\d+$/);

  // Passing checks are listed by id only until asked for: the details are a URL away
  // (shareable, works without JavaScript), opened and closed by keyboard.
  const passing = page.getByTestId("passing");
  await expect(passing.getByRole("listitem")).toHaveCount(0);
  await expect(passing).toContainText(/Passing \(\d+\)/);
  await passing.getByTestId("passing-toggle").press("Enter");
  await expect(page).toHaveURL(/show=passing#passing$/);
  await expect(passing.getByRole("listitem").first()).toBeVisible();
  expect(await serious(page)).toEqual([]);
  await passing.getByTestId("passing-toggle").press("Enter");
  await expect(page).not.toHaveURL(/show=passing/);
  await expect(passing.getByRole("listitem")).toHaveCount(0);

  // Filters live in the URL; only the chosen category's failures remain.
  const form = page.getByRole("form", { name: "Filter findings" });
  await form.getByLabel("Category").selectOption("supply-chain");
  await form.getByLabel("Status").selectOption("fail");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/category=supply-chain/);
  await expect(page).toHaveURL(/status=fail/);
  await expect(page.getByTestId("filter-count")).toContainText(/Showing \d+ of \d+ checks/);
  await expect(page.locator("section[aria-labelledby^='cat-']")).toHaveCount(1);
  await expect(page.locator("#cat-supply-chain")).toBeVisible();
  await expect(page.getByTestId("passing")).toHaveCount(0);

  expect(await serious(page)).toEqual([]);
});

test("the repository page and the audit log fit a 390 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "ada");
  await page.goto("/repos/e2e-org/api");
  await expect(page.getByTestId("overall-score")).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
