import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { signInAs } from "./support/sign-in";

const embedded = `http://127.0.0.1:${PORTS.embedded}`;

test("with no DATABASE_URL the demo serves the dashboard from embedded PGlite", async ({ page, request }) => {
  const health = await request.get(`${embedded}/api/health`);
  expect(await health.json()).toEqual({ ok: true, database: "up" });
  // Signing in writes users, sessions and audit entries: the embedded database is really in use.
  await signInAs(page, "sam", embedded);
  await expect(page.getByTestId("current-user")).toContainText("Security lead");
  await expect(page.getByText("E2E Org")).toBeVisible();
});
