import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openZipPack } from "../cli/verify/zip-reader";
import { waitForPolicyRescore } from "./support/policy-rescore";
import { signInAs } from "./support/sign-in";

// Own user: cleo (security lead; leads may export). The e2e org has five repositories; only
// e2e-org/api has a CODEOWNERS file (team @tiny-org/platform) and none is critical, so cleo
// marks two critical (api and legacy: both already require two reviews, so no check
// result changes) for the export, and puts the list back at the end.

test.describe.configure({ timeout: 240_000 });

const TEAM = "tiny-org/platform";
const CRITICAL = ["e2e-org/api", "e2e-org/legacy"];

async function saveCriticalRepos(page: Page, repos: string, note: string): Promise<void> {
  await page.goto("/policy");
  const form = page.getByRole("form", { name: "Policy settings" });
  await form.getByLabel("Critical repositories").fill(repos);
  await form.getByLabel("Note for the history").fill(note);
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByRole("status")).toContainText(/Saved version \d+|Nothing changed/);
  await waitForPolicyRescore(page);
}

/** Queues an export from the evidence page's form, downloads the new pack, and reads its files. */
async function exportPack(page: Page, scope: { team?: string; criticalOnly: boolean }) {
  await page.goto("/evidence");
  const rows = page.getByTestId(/^pack-(?!list)/);
  const listed = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  const before = await listed();
  const form = page.getByTestId("export-form");
  await form.getByLabel("Framework").selectOption("soc2");
  await form.getByLabel("or team (CODEOWNERS)").fill(scope.team ?? "");
  await form.getByLabel("Critical repositories only").setChecked(scope.criticalOnly);
  await form.getByRole("button", { name: "Export evidence pack" }).click();
  await expect(form.getByRole("status")).toContainText("Export queued.");
  // The new pack is the one row that was not listed before; the page polls until it is built.
  let added: string | undefined;
  await expect
    .poll(async () => (added = (await listed()).find((id) => id && !before.includes(id)) ?? undefined))
    .toBeDefined();
  const row = page.getByTestId(added!);
  await expect(row.getByTestId("download-pack")).toBeVisible({ timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByTestId("download-pack").click(),
  ]);
  const zip = join(mkdtempSync(join(tmpdir(), "gatehouse-e2e-scoped-pack-")), "pack.zip");
  await download.saveAs(zip);
  const pack = await openZipPack(zip);
  try {
    const json = async <T>(name: string) =>
      JSON.parse((await pack.read(name, 5_000_000)).toString("utf8")) as T;
    const scores =
      await json<Array<{ repository: string; team: string | null; critical: boolean }>>("scores.json");
    const findings = await json<Array<{ repository: string }>>("findings.json");
    const manifest = await json<{ scope: unknown; files: Array<{ path: string }> }>("manifest.json");
    return {
      rowText: (await row.textContent()) ?? "",
      scores,
      findingRepos: [...new Set(findings.map((f) => f.repository))].sort(),
      manifest,
    };
  } finally {
    pack.close();
  }
}

test("a security lead exports a pack for one CODEOWNERS team's critical repositories, and the pack holds only those", async ({
  page,
}) => {
  await signInAs(page, "cleo");
  await page.goto("/policy");
  const original = await page
    .getByRole("form", { name: "Policy settings" })
    .getByLabel("Critical repositories")
    .inputValue();
  await saveCriticalRepos(page, CRITICAL.join("\n"), "Critical repositories for the scoped export (e2e)");
  try {
    // The team and critical only: of the two critical repositories, only api is the team's.
    const teamPack = await exportPack(page, { team: TEAM, criticalOnly: true });
    expect(teamPack.scores.map((s) => s.repository)).toEqual(["e2e-org/api"]);
    expect(teamPack.scores[0]).toMatchObject({ critical: true, team: expect.stringContaining(`@${TEAM}`) });
    expect(teamPack.findingRepos).toEqual(["e2e-org/api"]);
    expect(teamPack.manifest.scope).toMatchObject({ kind: "team", team: TEAM, criticalOnly: true });
    expect(teamPack.manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["scores.json", "findings.json"]),
    );
    expect(teamPack.rowText).toContain("1 repositories");

    // Critical only, no team: both critical repositories, none of the other three.
    const criticalPack = await exportPack(page, { criticalOnly: true });
    expect(criticalPack.scores.map((s) => s.repository).sort()).toEqual(CRITICAL);
    expect(criticalPack.scores.every((s) => s.critical)).toBe(true);
    expect(criticalPack.findingRepos).toEqual(CRITICAL);
    expect(criticalPack.manifest.scope).toMatchObject({ kind: "all", criticalOnly: true });
  } finally {
    await saveCriticalRepos(page, original, "Critical repositories back as before the scoped export (e2e)");
  }
});
