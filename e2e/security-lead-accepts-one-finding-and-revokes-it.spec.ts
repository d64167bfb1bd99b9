import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs, signOut } from "./support/sign-in";
import { waitForPolicyRescore } from "./support/policy-rescore";

// Own users (iris requests, hugo approves and revokes; see e2e/fixtures/org/org.yaml) and
// its own repository, e2e-org/legacy, whose unpinned-action check fails twice (the same
// unpinned checkout in two jobs), so no other journey sees what this one changes.

test.describe.configure({ timeout: 180_000 });

const REPO = "/repos/e2e-org/legacy";
const seriousOrWorse = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );

test("a lead accepts one finding only, a second lead approves it, the repository page and the task show approver and expiry, then it is revoked", async ({
  page,
}) => {
  await signInAs(page, "iris");
  await page.goto(REPO);
  const check = () => page.getByTestId("check-unpinned-action");
  await expect(check().getByTestId("finding")).toHaveCount(2);

  // "This finding only" from the first finding: the policy form opens with that scope chosen.
  await check()
    .getByTestId("finding")
    .first()
    .getByRole("link", { name: "Accept the risk of this finding only" })
    .click();
  await expect(page).toHaveURL(/\/policy\?.*fingerprint=[0-9a-f]{16}/);
  const form = page.getByRole("form", { name: "Add exception" });
  await expect(form.getByLabel(/This finding only/)).toBeChecked();
  await expect(form.getByLabel("The whole check in this repository")).not.toBeChecked();
  await expect(form.getByLabel(/Repository/)).toHaveValue("e2e-org/legacy");
  await form.getByLabel("Justification").fill("The test job's checkout is replaced next sprint");
  // The form suggests an expiry (a quarter ahead); the pages must show that date.
  const expires = await form.getByLabel(/Expires on/).inputValue();
  expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByRole("button", { name: "Add exception" }).click();
  await expect(form.getByRole("status")).toContainText(/Exception (EX-\d+-\d+) requested/);
  const exceptionId = (await form.getByRole("status").textContent())!.match(/EX-\d+-\d+/)![0];

  // Pending: the repository page names the requester and waives nothing yet.
  await page.goto(REPO);
  const listed = page.getByTestId(`repo-exception-${exceptionId}`);
  await expect(listed).toContainText("this finding only");
  await expect(listed).toContainText("requested by iris");
  await expect(listed).toContainText("pending approval");
  await expect(check().getByTestId("suppressed")).toHaveCount(0);

  // A second security lead approves it.
  await signOut(page);
  await signInAs(page, "hugo");
  await page.goto("/policy");
  await page.getByRole("button", { name: `Approve ${exceptionId}` }).click();
  await expect(page.getByTestId(`exception-${exceptionId}`)).toContainText("Active");
  await waitForPolicyRescore(page);

  // Only that finding is accepted: the other still fails, and so does the check.
  await page.goto(REPO);
  await expect(listed).toContainText("approved by hugo");
  await expect(listed).toContainText(`expires ${expires} (UTC)`);
  const [accepted, other] = [check().getByTestId("finding").first(), check().getByTestId("finding").nth(1)];
  await expect(accepted.getByTestId("suppressed")).toContainText(exceptionId);
  await expect(accepted.getByTestId("finding-exceptions")).toContainText("approved by hugo");
  await expect(other.getByTestId("suppressed")).toHaveCount(0);
  await expect(other.getByRole("link", { name: "Accept the risk of this finding only" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Accepted (suppressed findings)" })).toHaveCount(0);
  expect(await seriousOrWorse(page)).toEqual([]);

  // The task (still open: one finding fails) shows the exception on the board and in its detail.
  await page.goto("/tasks?repo=e2e-org%2Flegacy&status=active");
  const row = page.getByTestId("task-row").filter({ hasText: "unpinned-action" });
  await expect(row.getByTestId(`exception-summary-${exceptionId}`)).toContainText("approved by hugo");
  await row.getByRole("link", { name: "unpinned-action" }).click();
  await expect(page.getByTestId("task-exceptions")).toContainText(
    `${exceptionId} (this finding only) · requested by iris · approved by hugo · expires ${expires} (UTC)`,
  );

  expect(await seriousOrWorse(page)).toEqual([]);

  // The repository page fits a 390 px phone, exceptions list included.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(REPO);
  await expect(listed).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Revoked from the repository page: the finding counts again.
  await page.goto(REPO);
  await listed.getByRole("button", { name: `Revoke ${exceptionId}` }).click();
  await expect(page.getByTestId(`repo-exception-${exceptionId}`)).toHaveCount(0);
  // The revocation only queued the re-scoring: the page polls the job while this
  // repository's score is behind, and the finding counts again once it has been re-scored.
  await expect(check().getByTestId("suppressed")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId("score-pending")).toHaveCount(0);
  await expect(page.getByTestId("rescore-progress")).toHaveCount(0);
});
