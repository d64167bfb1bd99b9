import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// alma (an auditor no other journey uses) makes the spec's own data: 410 audit entries,
// each an audit-log export he asked for (exports are audited; refusals would be throttled at
// 20 an hour). Filtered to her exports the log has three pages of 200, 200 and 10; the
// journey walks them by the "Older entries" cursor and exports the filtered range as CSV.
const SEEDED = 410;
test.describe.configure({ timeout: 180_000 });

test("an auditor pages past 200 entries by cursor, sees the chain verified, and exports the filtered range as CSV", async ({
  page,
}) => {
  await signInAs(page, "alma");
  // Each seed export asks for an action nothing has, so it streams only a header.
  for (let i = 0; i < SEEDED; i += 10) {
    const batch = Array.from({ length: Math.min(10, SEEDED - i) }, (_, j) =>
      page.request.get(`/admin/audit/export?format=csv&action=e2e.seed-${i + j}`),
    );
    for (const res of await Promise.all(batch)) expect(res.status()).toBe(200);
  }

  await page.goto("/admin/audit");
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Actor").fill("alma");
  await filters.getByLabel("Action").fill("audit.exported");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=alma/);
  await expect(page.getByTestId("chain-status")).toContainText(/^Hash chain intact: \d+ entries verified\./);

  const seqs = async () => page.getByTestId("audit-seq").allTextContents();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(200);
  await expect(rows.filter({ hasNotText: "audit.exported" })).toHaveCount(0);
  const first = await seqs();

  await page.getByTestId("audit-older").click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(rows).toHaveCount(200);
  const second = await seqs();
  expect(Number(second[0])).toBeLessThan(Number(first[first.length - 1]));

  await page.getByTestId("audit-older").click();
  await expect(rows).toHaveCount(SEEDED - 400);
  const third = await seqs();
  await expect(page.getByTestId("audit-older")).toHaveCount(0);
  expect(third.filter((s) => first.includes(s) || second.includes(s))).toEqual([]);
  expect(Number(third[0])).toBeLessThan(Number(second[second.length - 1]));
  await expect(page.getByTestId("chain-status")).toContainText("Hash chain intact");

  // The export is of the filtered range (all three pages), oldest first.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = readFileSync((await (await download).path())!, "utf8");
  const lines = file.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^seq,occurredAt,actorId,actorName,action,/);
  const data = lines.slice(1);
  expect(data).toHaveLength(SEEDED);
  expect(data.filter((l) => !l.includes(",audit.exported,"))).toEqual([]);
  const exported = data.map((l) => l.split(",")[0]!);
  expect(exported[0]).toBe(third[third.length - 1]);
  expect(exported[exported.length - 1]).toBe(first[0]);
});
