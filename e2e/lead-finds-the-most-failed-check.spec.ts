import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { signInAs } from "./support/sign-in";

// Needs scores in the demo database: scripts/demo.ts syncs and scores the e2e fixture org
// before serving, which writes the org snapshot the overview reads.

// Two full-page screenshots and axe runs: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const seriousOrWorse = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );

test("a security lead finds the most-failed check from the overview and opens its failing repositories", async ({
  page,
}) => {
  await signInAs(page, "sam");
  await expect(page.getByTestId("org-headline")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: "docs/screenshots/overview.png", fullPage: true });

  // Checks across the org are sorted by failing repositories, most first.
  const first = page.getByTestId("org-check-row").first();
  const failing = Number((await first.getByTestId("failing-count").textContent())!.match(/\d+/)![0]);
  const second = Number(
    (await page.getByTestId("org-check-row").nth(1).getByTestId("failing-count").textContent())!.match(
      /\d+/,
    )![0],
  );
  expect(failing).toBeGreaterThan(0);
  expect(failing).toBeGreaterThanOrEqual(second);
  const checkId = (await first.getByRole("link").textContent())!.trim();
  // The overview shows the most-failed few; the whole catalogue is one link away.
  expect(await page.getByTestId("org-check-row").count()).toBeLessThanOrEqual(10);

  await first.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/checks/${checkId}`));
  await expect(page.getByTestId("failing-total")).toContainText(
    `${failing} ${failing === 1 ? "repository" : "repositories"}`,
  );
  const repos = page.getByTestId("check-failure");
  await expect(repos).toHaveCount(failing);
  await expect(repos.first().getByRole("link").first()).toHaveText(/^e2e-org\//);
  expect(await seriousOrWorse(page)).toEqual([]);

  // A failing repository opens its own page; keep it for the README.
  await repos.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("e2e-org/");
  await page.screenshot({ path: "docs/screenshots/repository.png", fullPage: true });
});

test("a security lead lists repositories with a production environment that fail production-no-reviewers", async ({
  page,
}) => {
  await signInAs(page, "sam");
  const filters = page.getByRole("form", { name: "Repository filters" });
  await filters.getByLabel("Production environment").selectOption("true");
  await filters.getByLabel("Failing check").selectOption("production-no-reviewers");
  await filters.getByRole("button", { name: "Apply filters" }).click();

  // The whole view is in the URL: it can be shared and reloaded.
  await expect(page).toHaveURL(/production=true/);
  await expect(page).toHaveURL(/failing=production-no-reviewers/);
  const rows = page.getByTestId("repo-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("e2e-org/deploy");
  await page.reload();
  await expect(page.getByTestId("repo-row")).toHaveCount(1);
  expect(await seriousOrWorse(page)).toEqual([]);
});

test("a security lead opens every check from the overview and sorts them", async ({ page }) => {
  await signInAs(page, "sam");
  await page.getByRole("link", { name: /^All \d+ checks, sortable$/ }).click();
  await expect(page).toHaveURL(/\/checks(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Checks across");
  const rows = page.getByTestId("org-check-row");
  expect(await rows.count()).toBeGreaterThan(10);
  const counts = (await rows.getByTestId("failing-count").allTextContents()).map((t) =>
    Number(t.match(/\d+/)![0]),
  );
  expect(counts).toEqual(counts.toSorted((a, b) => b - a));

  // Sorting is a link (the URL holds it); by check, the ids read A to Z.
  await page.getByRole("columnheader", { name: "Check" }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=check/);
  await expect(page.getByRole("columnheader", { name: "Check" })).toHaveAttribute("aria-sort", "ascending");
  const ids = (await rows.locator("th a").allTextContents()).map((t) => t.trim());
  expect(ids).toEqual(ids.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(await seriousOrWorse(page)).toEqual([]);

  // A keyboard user reaches the first check's link; the table fits a 390 px screen (it scrolls
  // inside its own box, not the page).
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await rows.first().locator("th a").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/checks/${ids[0]}`));
});
