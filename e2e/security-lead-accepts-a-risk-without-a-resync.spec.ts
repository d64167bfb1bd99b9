import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";
import { waitForPolicyRescore } from "./support/policy-rescore";

// Needs scores in the demo database: scripts/demo.ts syncs and scores the e2e fixture
// org from the simulator before serving.

test("a security lead requests an exception, a second lead approves it, and only then the score rises (no sync)", async ({
  page,
}) => {
  await signInAs(page, "sam");
  await expect(page.getByTestId("current-user")).toContainText("Security lead");

  // The overview lists repositories worst first; open the worst one.
  const worst = page.getByTestId("repo-row").first();
  const repo = (await worst.getByRole("link").textContent())!.trim();
  await worst.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: repo })).toBeVisible();
  const before = Number.parseFloat((await page.getByTestId("overall-score").textContent())!);

  // A failing check shows its evidence and the exact fix.
  const check = page
    .locator("article[data-testid^='check-']")
    .filter({ has: page.getByTestId("finding") })
    .first();
  const checkId = (await check.getAttribute("data-testid"))!.replace(/^check-/, "");
  const finding = check.getByTestId("finding").first();
  await expect(finding.getByTestId("evidence")).not.toBeEmpty();
  await expect(finding.getByTestId("remediation")).toContainText(/\S/);

  // Accept the risk on the policy page, prefilled from the repository page.
  await check.getByRole("link", { name: "Accept risk with an exception" }).click();
  await expect(page).toHaveURL(/\/policy\?/);
  const form = page.getByRole("form", { name: "Add exception" });
  await expect(form.getByLabel("Check")).toHaveValue(checkId);
  await expect(form.getByLabel(/Repository/)).toHaveValue(repo);
  await form.getByLabel("Justification").fill("Accepted for the e2e journey until the fix ships");
  await form.getByRole("button", { name: "Add exception" }).click();
  await expect(form.getByRole("status")).toContainText(/requested/);

  const row = page.getByTestId("exceptions").getByRole("row").filter({ hasText: checkId });
  await expect(row).toContainText(repo);
  await expect(row).toContainText("sam");
  await expect(row).toContainText("Pending approval");
  // The requester gets no approve button, and the score has not moved.
  await expect(row.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  const [owner, name] = repo.split("/");
  await page.goto(`/repos/${owner}/${name}`);
  expect(Number.parseFloat((await page.getByTestId("overall-score").textContent())!)).toBe(before);

  // A second security lead approves it.
  await signOut(page);
  await signInAs(page, "vera");
  await page.goto("/policy");
  const pending = page.getByTestId("exceptions").getByRole("row").filter({ hasText: checkId });
  await pending.getByRole("button", { name: /Approve EX-/ }).click();
  // The page re-renders with the approved row (the button goes away with it).
  const approved = page.getByTestId("exceptions").getByRole("row").filter({ hasText: checkId });
  await expect(approved).toContainText("vera");
  await expect(approved).toContainText("Active");
  await expect(page.getByTestId("policy-history")).toContainText(checkId);
  // The approval returned at once; the worker re-scores, and the page shows its progress.
  await expect(page.getByTestId("rescore-progress")).toBeVisible();
  await waitForPolicyRescore(page);

  // Back on the repository: higher score, the finding shown as suppressed, new policy version.
  await page.goto(`/repos/${owner}/${name}`);
  const after = Number.parseFloat((await page.getByTestId("overall-score").textContent())!);
  expect(after).toBeGreaterThan(before);
  await expect(page.getByTestId(`check-${checkId}`).getByTestId("suppressed").first()).toContainText(
    "policy exception",
  );
  await expect(page.getByTestId("policy-version")).toContainText(/version \d+/);
});

test("an engineer reads the policy but gets no form to change it or approve exceptions", async ({ page }) => {
  await signInAs(page, "eve");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
  await expect(page.getByRole("heading", { name: "Scoring policy" })).toBeVisible();
  await expect(page.getByTestId("policy-weights")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add exception" })).toHaveCount(0);
  await expect(page.getByLabel("Policy document (JSON)")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Approve EX-/ })).toHaveCount(0);
});

test("a security lead's invalid policy is refused with every problem listed, and the draft stays to be fixed", async ({
  page,
}) => {
  await signInAs(page, "sam");
  await page.goto("/policy");
  // The whole document as JSON is the "advanced" view, folded under the form.
  await page.getByText("Advanced: edit the whole policy as JSON").click();
  const json = page.getByRole("form", { name: "Edit the policy" });
  const editor = json.getByLabel("Policy document (JSON)");
  const active = JSON.parse(await editor.inputValue()) as { weights: Record<string, number> };
  const invalid = JSON.stringify(
    { ...active, weights: { ...active.weights, high: -1 }, criticalRepos: ["payments"] },
    null,
    2,
  );
  await editor.fill(invalid);
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByTestId("policy-issues")).toContainText("weights.high");
  await expect(page.getByTestId("policy-issues")).toContainText("criticalRepos[0]");
  await expect(editor).toHaveValue(invalid);

  const high = active.weights.high!;
  await editor.fill(JSON.stringify({ ...active, weights: { ...active.weights, high: high + 0.5 } }, null, 2));
  await json.getByLabel(/Note for the history/).fill("high findings weigh a little more");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("form", { name: "Edit the policy" }).getByRole("status")).toContainText(
    /Saved version \d+/,
  );
  await expect(page.getByTestId("policy-weights")).toContainText(String(high + 0.5));
  await expect(page.getByTestId("policy-history").getByRole("row").nth(1)).toContainText(
    `weight high: ${high} → ${high + 0.5}`,
  );
  // The editor now holds the new active version.
  expect((JSON.parse(await editor.inputValue()) as { weights: { high: number } }).weights.high).toBe(
    high + 0.5,
  );
});
