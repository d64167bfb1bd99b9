import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Needs scores in the demo database: scripts/demo.ts syncs and scores the e2e fixture
// org before serving, and runs the policy re-scoring worker in the same process.
// Only this spec signs in as pia (e2e/fixtures/org/org.yaml): her save moves every score.

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const scoreOf = async (page: Page, repo: string) => {
  await page.goto(`/repos/${repo}`);
  return Number.parseFloat((await page.getByTestId("overall-score").textContent())!);
};

test("a security lead changes a weight in the policy form, watches the re-scoring finish and sees the score move", async ({
  page,
}) => {
  await signInAs(page, "pia");
  const repo = "e2e-org/api";
  const before = await scoreOf(page, repo);

  await page.goto("/policy");
  const form = page.getByRole("form", { name: "Policy settings" });
  const high = form.getByLabel("high", { exact: true });
  const weight = Number(await high.inputValue());
  // Keyboard only: the field, a new value, and Enter submits the form.
  await high.focus();
  await high.fill(String(weight * 4));
  await form.getByLabel("Note for the history").fill("High findings matter more (e2e)");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toContainText(/Saved version (\d+); re-scoring/);
  const version = /Saved version (\d+)/.exec((await form.getByRole("status").textContent())!)![1]!;

  // The save returned before the scores moved; the page polls the job until it is done.
  const progress = page.getByTestId("rescore-progress");
  await expect(progress).toContainText(`Re-scoring under version ${version}`);
  await expect(progress.getByRole("progressbar", { name: "Re-scoring progress" })).toBeVisible();
  await expect(progress).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(form.getByLabel("high", { exact: true })).toHaveValue(String(weight * 4));
  await expect(page.getByTestId("policy-history")).toContainText(`weight high: ${weight} → ${weight * 4}`);

  // The previous version compared with the current one, field by field.
  await page
    .getByTestId("policy-history")
    .getByRole("link", { name: `Compare v${Number(version) - 1} with current` })
    .click();
  await expect(page.getByTestId("policy-compare-changes")).toContainText(
    `weight high: ${weight} → ${weight * 4}`,
  );

  const after = await scoreOf(page, repo);
  expect(after).not.toBe(before);
  await expect(page.getByTestId("policy-version")).toContainText(`version ${version}`);
});

test("a bad weight is refused with the field named, and nothing is saved", async ({ page }) => {
  await signInAs(page, "pia");
  await page.goto("/policy");
  const history = await page.getByTestId("policy-history").getByRole("row").count();
  const form = page.getByRole("form", { name: "Policy settings" });
  await form.getByLabel("Critical repositories").fill("not a repository");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByRole("alert")).toContainText("criticalRepos[0]");
  await page.reload();
  await expect(page.getByTestId("policy-history").getByRole("row")).toHaveCount(history);
});

test("the policy page has no serious axe violation and fits a 390 px screen", async ({ page }) => {
  await signInAs(page, "pia");
  await page.goto("/policy");
  await expect(page.getByRole("heading", { name: "Scoring policy" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("form", { name: "Policy settings" })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
