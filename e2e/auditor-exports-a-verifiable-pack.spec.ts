import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/sign-in";

test("an auditor reads SOC 2 CC8.1, exports a pack, and gatehouse verify accepts it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "ian");
  await page.goto("/evidence?framework=soc2");
  await page.getByTestId("control-table").getByRole("link", { name: "CC8.1" }).click();
  await expect(page.getByTestId("control-detail")).toContainText("CC8.1 Authorising, testing, approving");

  const pem = (await page.getByTestId("public-key").textContent()) ?? "";
  expect(pem).toContain("BEGIN PUBLIC KEY");
  const form = page.getByTestId("export-form");
  await form.getByLabel("Framework").selectOption("soc2");
  await form.getByRole("button", { name: "Export evidence pack" }).click();
  const download = page.getByTestId("download-pack").first();
  await expect(download).toBeVisible({ timeout: 90_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);

  const dir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-pack-"));
  const zip = join(dir, "pack.zip");
  const key = join(dir, "public.pem");
  await file.saveAs(zip);
  writeFileSync(key, pem);
  const { stdout } = await promisify(execFile)(process.execPath, [
    "bin/gatehouse.mjs",
    "verify",
    zip,
    "--key",
    key,
  ]);
  expect(stdout).toMatch(/^OK .* soc2 as of /);
  await signOut(page);
});

test("an engineer sees no export button and the server refuses an export", async ({ page }) => {
  await signInAs(page, "eve");
  await page.goto("/evidence");
  await expect(page.getByTestId("public-key")).toContainText("BEGIN PUBLIC KEY");
  await expect(page.getByTestId("export-pack")).toHaveCount(0);
  // The API takes API keys only (a browser session is not a credential there), so the
  // forged request is refused before any role check; an engineer's key gets 403
  // (lib/server/evidence tests prove the role refusal in the data layer).
  const res = await page.request.post("/api/v1/evidence-packs", { data: { framework: "soc2" } });
  expect([401, 403]).toContain(res.status());
  expect(await res.json()).toMatchObject({
    error: { code: expect.stringMatching(/unauthenticated|forbidden/) },
  });
  await signOut(page);
});
