import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// milo (a security lead of his own, on the threats repository no other journey edits)
// accepts a threat's risk from the threat-model page: the server files a pending exception
// for its check control, as for tasks, and saves the threat as accepted. An auditor sees
// the accepted threat but no button. (The server's refusal of every other role is the
// authorisation matrix's: testing/authz/policy.ts, acceptThreatRiskAction.)
const PAGE = "/repos/e2e-org/threats/threat-model";
test.describe.configure({ timeout: 120_000 });

test("a security lead accepts a threat's risk with a justification and expiry; an auditor sees no button", async ({
  page,
  browser,
}) => {
  await signInAs(page, "milo");
  await page.goto(PAGE);
  const title = `Workflow token can write ${Math.random().toString(36).slice(2, 8)}`;
  const form = page.getByRole("form", { name: "Add a threat" });
  await form.getByLabel("New threat").fill(title);
  await form.getByLabel("Category").selectOption("elevation-of-privilege");
  await form.getByLabel("Stage").selectOption("build");
  await form.getByRole("button", { name: "Add threat" }).click();
  const item = page.getByTestId("threat").filter({ has: page.getByRole("heading", { name: title }) });
  await item.getByRole("button", { name: `Edit “${title}”` }).click();
  await item.getByLabel("Check control").selectOption("oidc-missing");
  await item.getByRole("button", { name: "Add check control" }).click();
  // Not saved yet: the server accepts risk on the stored threat only.
  await expect(item.getByRole("button", { name: `Accept risk of “${title}”` })).toHaveCount(0);
  await page.getByRole("button", { name: "Save threat model" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible({
    timeout: 20_000,
  });

  await item.getByRole("button", { name: `Accept risk of “${title}”` }).click();
  // The form, open, keeps the page free of serious accessibility violations.
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await item.getByLabel("Justification").fill("Deploys go through OIDC next quarter");
  // Within the exception lifetime limit (365 days by default).
  const expiry = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await item.getByLabel("Expires on (UTC)").fill(expiry);
  await item.getByRole("button", { name: "Request the exception" }).click();
  await expect(item.getByRole("status")).toContainText(/Risk accepted in revision \d+/, { timeout: 20_000 });
  await page.reload();
  await expect(item.getByTestId("threat-status")).toContainText("accepted");
  await expect(item.getByRole("button", { name: /^Accept risk/ })).toHaveCount(0);

  // The exception waits on the policy page for a second security lead.
  await page.goto("/policy");
  const row = page.getByRole("row").filter({
    has: page.getByRole("cell", { name: `Threat “${title}”: Deploys go through OIDC next quarter` }),
  });
  await expect(row).toContainText("oidc-missing");
  await expect(row).toContainText("e2e-org/threats");
  await expect(row).toContainText("Pending approval");

  const auditor = await (await browser.newContext()).newPage();
  await signInAs(auditor, "abel");
  await auditor.goto(PAGE);
  const seen = auditor.getByTestId("threat").filter({ has: auditor.getByRole("heading", { name: title }) });
  await expect(seen.getByTestId("threat-status")).toContainText("accepted");
  await expect(auditor.getByRole("button", { name: /^Accept risk/ })).toHaveCount(0);
});
