import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("a client's own X-Forwarded-For never reaches the audit log (no trusted proxy configured)", async ({
  browser,
}) => {
  const ctx = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" },
  });
  const page = await ctx.newPage();
  await signInAs(page, "sam");
  // Security leads may not manage users: a refusal, audited with the caller's address.
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  await ctx.close();

  const auditor = await browser.newPage();
  await signInAs(auditor, "ian");
  await auditor.goto("/admin/audit");
  const denied = auditor
    .getByTestId("audit-row")
    .filter({ hasText: "authz.denied" })
    .filter({ hasText: "sam" })
    .first();
  await expect(denied).toContainText("127.0.0.1");
  await expect(auditor.getByTestId("audit-row").filter({ hasText: "6.6.6." })).toHaveCount(0);
});
