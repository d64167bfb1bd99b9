import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Regression (issue 9): adding an exception, then "Save as new version" without a reload,
// silently removed the exception (the editor held the old JSON while its expected version
// had moved on). The exception targets a repository that does not exist, so no score moves.

test("an exception added on the policy page survives saving the editor without a reload", async ({
  page,
}) => {
  await signInAs(page, "sam");
  await page.goto("/policy");
  const form = page.getByRole("form", { name: "Add exception" });
  await form.getByLabel("Check").selectOption("curl-pipe-shell");
  await form.getByLabel(/Repository/).fill("e2e-org/no-such-repo-regression");
  await form.getByLabel("Justification").fill("Regression journey: must survive the next save");
  await form.getByRole("button", { name: "Add exception" }).click();
  await expect(form.getByRole("status")).toContainText(/Exception (EX-\d+-\d+) requested/);
  const id = /Exception (EX-\d+-\d+)/.exec((await form.getByRole("status").textContent())!)![1]!;

  // Without reloading: the editor (the "advanced" JSON view) now holds the new version (with the exception).
  await page.getByText("Advanced: edit the whole policy as JSON").click();
  const editor = page.getByLabel("Policy document (JSON)");
  await expect(editor).toHaveValue(new RegExp(id));
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("form", { name: "Edit the policy" }).getByRole("status")).toContainText(
    "Nothing changed",
  );
  await page.reload();
  await expect(page.getByTestId("exceptions")).toContainText(id);
  await expect(page.getByTestId("policy-history")).not.toContainText(`exceptions removed: ${id}`);
});
