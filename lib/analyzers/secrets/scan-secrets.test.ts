import { describe, expect, it } from "vitest";
import { isSecretScanTarget, scanSecrets } from "./scan-secrets";
import { maskSecret } from "./mask";

// Assembled at run time so this file itself holds no token-shaped literal.
const TOKEN = ["ghp", "_", "1234567890abcdefghij", "ABCDEFGHIJ123456"].join("");

describe("scanSecrets", () => {
  it("finds a GitHub token in a workflow and never returns it in clear", async () => {
    const wf = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release list\n        env:\n          GH_TOKEN: ${TOKEN}\n`;
    const scan = await scanSecrets([{ path: ".github/workflows/ci.yml", text: wf }]);
    expect(scan.hits).toHaveLength(1);
    const hit = scan.hits[0]!;
    expect(hit).toMatchObject({ file: ".github/workflows/ci.yml", line: 8, masked: "ghp_****" });
    expect(hit.snippet).toBe("GH_TOKEN: ghp_****");
    expect(JSON.stringify(scan)).not.toContain(TOKEN.slice(4));
  });

  it("passes clean files, skips lockfiles, null and oversized texts with a reason", async () => {
    const scan = await scanSecrets([
      { path: "config/app.yaml", text: "token: ${{ secrets.TOKEN }}\npassword: changeme\n" },
      { path: "package-lock.json", text: `{"t":"${TOKEN}"}` },
      { path: "src/main.ts", text: `const t = "${TOKEN}"` },
      { path: ".npmrc", text: null },
      { path: "big.json", text: "x".repeat(1_000_001) },
    ]);
    expect(scan.hits).toEqual([]);
    expect(scan.scanned).toEqual(["config/app.yaml"]);
    expect(scan.skipped.map((s) => s.path)).toEqual([".npmrc", "big.json"]);
  });

  it("masks and selects targets", () => {
    expect(maskSecret("AKIAABCDEFGH")).toBe("AKIA****");
    expect(isSecretScanTarget("Dockerfile")).toBe(true);
    expect(isSecretScanTarget("deploy/.env.production")).toBe(true);
    expect(isSecretScanTarget("yarn.lock")).toBe(false);
  });
});
