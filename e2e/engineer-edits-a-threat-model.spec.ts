import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The demo syncs and scores the e2e org before serving and generates every repository's
// threat model after scoring, so e2e-org/api has one from its real pipeline.
const PAGE = "/repos/e2e-org/api/threat-model";
// Two browsers, saves that re-render the page, and an axe scan: more than the default minute.
test.describe.configure({ timeout: 150_000 });
// Own users (tara, lena, abel; see e2e/fixtures/org/org.yaml): these journeys once timed out
// in the full run because another spec had turned the shared engineer into an auditor, so
// the editor was read only and there was no Save button to wait for.
const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

async function openModel(page: Page) {
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Threat model of e2e-org/api" })).toBeVisible();
}

async function addThreat(page: Page, title: string) {
  const form = page.getByRole("form", { name: "Add a threat" });
  await form.getByLabel("New threat").fill(title);
  await form.getByLabel("Category").selectOption("information-disclosure");
  await form.getByLabel("Stage").selectOption("deploy");
  await form.getByRole("button", { name: "Add threat" }).click();
  return page.getByTestId("threat").filter({ has: page.getByRole("heading", { name: title }) });
}

test("an engineer adds a threat with a check control and a manual control, saves, and sees it in the diagram", async ({
  page,
}) => {
  await signInAs(page, "tara");
  await page.goto("/repos/e2e-org/api");
  await page.getByRole("link", { name: "Threat model" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`), { timeout: 20_000 });
  // Generated from the repository's real pipeline: its environment and secrets by name.
  await expect(page.getByTestId("asset").filter({ hasText: "production" }).first()).toBeVisible();
  await expect(page.getByTestId("asset").filter({ hasText: "DEPLOY_KEY" })).toBeVisible();

  const title = unique("Deploy key copied off the runner");
  const item = await addThreat(page, title);
  await item.getByRole("button", { name: `Edit “${title}”` }).click();
  await item.getByLabel("Check control").selectOption("oidc-missing");
  await item.getByRole("button", { name: "Add check control" }).click();
  await item.getByLabel("Manual control").fill("Rotate the deploy key monthly");
  await item.getByLabel("Owner").fill("tara");
  await item.getByRole("button", { name: "Add manual control" }).click();
  await expect(item.getByTestId("control-link")).toHaveCount(2);
  await page.getByRole("button", { name: "Save threat model" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible({
    timeout: 20_000,
  });

  // Stored: after a reload the threat, both controls and the diagram node are there.
  await page.reload();
  const saved = page.getByTestId("threat").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(saved.getByTestId("control-link").filter({ hasText: "oidc-missing" })).toBeVisible();
  await expect(
    saved.getByTestId("control-link").filter({ hasText: "Rotate the deploy key monthly" }),
  ).toContainText("owner tara");
  const node = page.getByTestId("threat-diagram").getByText(title);
  await expect(node).toBeVisible();
  await node.click();
  await expect(page.getByText(`Showing threats on ${title}.`)).toBeVisible();
  await expect(page.getByTestId("threat")).toHaveCount(1);

  // The revision list diffs the save against the one before.
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("revision-diff")).toContainText(`threat “${title}” added`);

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a second concurrent edit is refused with what changed, and the edits stay in the form", async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAs(first, "lena");
  await signInAs(second, "tara");
  await openModel(first);
  await openModel(second);

  const theirs = unique("Release tag moved by an admin");
  await addThreat(first, theirs);
  await first.getByRole("button", { name: "Save threat model" }).click();
  await expect(first.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible({
    timeout: 20_000,
  });

  const mine = unique("Cache poisoned by a fork");
  await addThreat(second, mine);
  await second.getByRole("button", { name: "Save threat model" }).click();
  const refusal = second.getByTestId("save-error");
  await expect(refusal).toContainText(/Someone saved revision \d+ while you were editing/, {
    timeout: 20_000,
  });
  await expect(refusal).toContainText(`threat “${theirs}” added`);
  // Nothing lost: the refused edit is still in the form, marked unsaved, ready to reapply.
  await expect(
    second.getByTestId("threat").filter({ has: second.getByRole("heading", { name: mine }) }),
  ).toBeVisible();
  await expect(second.getByText("unsaved changes")).toBeVisible();
  await second.reload();
  await expect(second.getByRole("heading", { name: mine })).toHaveCount(0);
  await expect(second.getByRole("heading", { name: theirs })).toBeVisible();
});

test("an auditor sees no edit controls and the server refuses a forged save", async ({ page }) => {
  await signInAs(page, "abel");
  await openModel(page);
  await expect(
    page.getByText("Read only: your role can read this threat model but not change it."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Save threat model" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a threat" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add check control" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Restore revision/ })).toHaveCount(0);

  const api = "/api/v1/repos/e2e-org/api/threat-model";
  const read = await page.request.get(api);
  expect(read.status()).toBe(200);
  const { data } = (await read.json()) as {
    data: {
      revision: number;
      assets: unknown[];
      boundaries: unknown[];
      controls: unknown[];
      threats: Array<{ id: string }>;
    };
  };
  const forged = await page.request.put(api, {
    data: {
      revision: data.revision,
      assets: data.assets,
      boundaries: data.boundaries,
      controls: data.controls,
      threats: [],
    },
  });
  expect(forged.status()).toBe(403);
  const after = (await (await page.request.get(api)).json()) as {
    data: { revision: number; threats: unknown[] };
  };
  expect(after.data.revision).toBe(data.revision);
  expect(after.data.threats).toHaveLength(data.threats.length);
});
