import { performance } from "node:perf_hooks";
import { secretLintProfiler } from "@secretlint/profiler";
import { describe, expect, it } from "vitest";
import { quietSecretlintProfiler } from "./quiet-profiler";
import { scanSecrets } from "./scan-secrets";

// Assembled at run time so this file itself holds no token-shaped literal.
const TOKEN = ["ghp", "_", "1234567890abcdefghij", "ABCDEFGHIJ123456"].join("");
const secretlintMarks = () => performance.getEntriesByType("mark").filter((m) => m.name.startsWith("@core>"));
/** Lets the profiler's PerformanceObserver deliver whatever was queued. */
const flushObservers = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("secretlint profiler", () => {
  it("stays empty over 3,000 scanned files without any caller switching it off", async () => {
    // Nothing here calls quietSecretlintProfiler: scanSecrets must do it on its own.
    const files = Array.from({ length: 3000 }, (_, i) => ({
      path: `config/app-${i}.yaml`,
      text: `name: app-${i}\nreplicas: ${i % 7}\n`,
    }));
    files.push({ path: "config/leak.yaml", text: `token: ${TOKEN}\n` });
    const scan = await scanSecrets(files);
    await flushObservers();
    // The scan itself still works, and still masks.
    expect(scan.scanned).toHaveLength(3001);
    expect(scan.hits.map((h) => [h.file, h.masked])).toEqual([["config/leak.yaml", "ghp_****"]]);
    // Unquieted, each file leaves ≥ 2 marks on the global timeline and in the profiler's list.
    expect(secretlintMarks()).toEqual([]);
    expect(await secretLintProfiler.getEntries()).toEqual([]);
    expect(await secretLintProfiler.getMeasures()).toEqual([]);
  });

  it("keeps no other code's marks either, and quieting twice changes nothing", async () => {
    await scanSecrets([{ path: "a.yaml", text: "a: 1\n" }]);
    quietSecretlintProfiler();
    quietSecretlintProfiler();
    for (let i = 0; i < 50; i++) performance.mark(`gatehouse-test-${i}`);
    await flushObservers();
    expect(await secretLintProfiler.getEntries()).toEqual([]);
    for (let i = 0; i < 50; i++) performance.clearMarks(`gatehouse-test-${i}`);
    const again = await scanSecrets([{ path: "b.env", text: `GH_TOKEN=${TOKEN}\n` }]);
    expect(again.hits).toHaveLength(1);
    expect(secretlintMarks()).toEqual([]);
  });
});
