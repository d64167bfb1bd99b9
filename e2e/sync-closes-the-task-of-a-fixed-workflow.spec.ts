import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";
import { pushToSimulator } from "./support/simulator";

// The docs repository's workflow uses actions/checkout@v4 unpinned, so the demo's first
// scoring opened an "unpinned-action" task. A push pins it on "GitHub"; a sync and the
// scoring after it close the task as fixed, naming that sync run.

const PINNED = `name: pages
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: make docs
`;

test("a workflow fixed on GitHub, then a sync, closes the matching task as fixed", async ({ page }) => {
  await signInAs(page, "sam");
  await page.goto("/tasks?repo=e2e-org%2Fdocs&status=active");
  const task = page.getByTestId("task-row").filter({ hasText: "unpinned-action" });
  await expect(task).toHaveCount(1);
  const taskId = (await task.getAttribute("data-task-id"))!;

  await pushToSimulator(page.request, "docs", { ".github/workflows/pages.yml": PINNED });
  await page.goto("/sync");
  const org = page.getByTestId("sync-org-e2e-org");
  await org.getByLabel("Sync kind").selectOption("incremental");
  await org.getByTestId("start-sync").click();
  await expect(org.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("succeeded", {
    timeout: 30_000,
  });

  // Scoring runs as a job once the sync succeeded; the task page follows it.
  await expect(async () => {
    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByTestId("task-status")).toHaveText("Fixed");
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("closed-by")).toContainText(/sync run \S+/);
  const fixed = page.getByTestId("task-history").locator('[data-kind="fixed"]');
  await expect(fixed).toContainText("sync run");
  await expect(page.getByTestId("task-history").locator('[data-kind="opened"]')).toHaveCount(1);
});
