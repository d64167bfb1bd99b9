import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";
import { pushToSimulator } from "./support/simulator";

// The threats repository (its own fixture, used by no other journey) runs actions/checkout@v4
// unpinned, so "unpinned-action" fails. milo (its own security lead) links a threat to that
// check alone; a push that pins the action, then a sync and the scoring after it, turn the
// threat mitigated by evidence without anyone editing the model.
const PAGE = "/repos/e2e-org/threats/threat-model";
const PINNED = `name: build
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4
      - run: make
`;
test.describe.configure({ timeout: 150_000 });

const threatNamed = (page: Page, title: string) =>
  page.getByTestId("threat").filter({ has: page.getByRole("heading", { name: title }) });

test("a sync that fixes a check turns the linked threat mitigated", async ({ page }) => {
  await signInAs(page, "milo");
  await page.goto(PAGE);
  await expect(
    page.getByRole("heading", { level: 1, name: "Threat model of e2e-org/threats" }),
  ).toBeVisible();

  const title = "A moved action tag runs someone else's code in the build";
  const form = page.getByRole("form", { name: "Add a threat" });
  await form.getByLabel("New threat").fill(title);
  await form.getByLabel("Category").selectOption("tampering");
  await form.getByLabel("Stage").selectOption("build");
  await form.getByRole("button", { name: "Add threat" }).click();
  const item = threatNamed(page, title);
  await item.getByRole("button", { name: `Edit “${title}”` }).click();
  await item.getByLabel("Check control").selectOption("unpinned-action");
  await item.getByRole("button", { name: "Add check control" }).click();
  await page.getByRole("button", { name: "Save threat model" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible({
    timeout: 20_000,
  });
  await page.reload();
  await expect(threatNamed(page, title).getByTestId("threat-status")).toHaveText(
    "open (failing: unpinned-action)",
  );

  await pushToSimulator(page.request, "threats", { ".github/workflows/build.yml": PINNED });
  await page.goto("/sync");
  const org = page.getByTestId("sync-org-e2e-org");
  await org.getByLabel("Sync kind").selectOption("incremental");
  await org.getByTestId("start-sync").click();
  await expect(org.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("succeeded", {
    timeout: 30_000,
  });

  // Scoring runs as a job after the sync; the page reads the latest scoring.
  await expect(async () => {
    await page.goto(PAGE);
    await expect(threatNamed(page, title).getByTestId("threat-status")).toHaveText("mitigated by evidence");
  }).toPass({ timeout: 30_000 });
  // The model itself was not edited: the threat's stored status is still open.
  await threatNamed(page, title)
    .getByRole("button", { name: `Edit “${title}”` })
    .click();
  await expect(threatNamed(page, title).getByLabel("Status", { exact: true })).toHaveValue("open");
});
