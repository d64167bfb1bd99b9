// `gatehouse scan` online mode against the simulator over real HTTP: the API-backed
// checks, exact SHAs in unpinned-action fixes and advisories from GraphQL.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineOrgFixture, startSimulator, type Simulator } from "@/simulator";
import { ACTION_ORG, CLEAN_WORKFLOW, LEGACY_V1, RISKY_WORKFLOW } from "@/testing/action-repos";
import { main } from "../main";

const TOKEN = "ghp_scanOnlineToken000000000000000000000";
const API_CHECKS = ["impostor-commit", "pin-comment-mismatch", "archived-action"];
const base = mkdtempSync(path.join(tmpdir(), "gatehouse-online-"));
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    fixture: defineOrgFixture({
      org: {
        login: "acme",
        users: [{ login: "dev" }],
        tokens: [{ token: TOKEN, login: "dev" }],
        ...ACTION_ORG,
        actionAdvisories: [
          {
            ghsaId: "GHSA-xxxx-legacy-0001",
            action: "octo-actions/legacy",
            severity: "high",
            vulnerableRange: "< 1.5.0",
            patchedVersion: "1.5.0",
            summary: "legacy leaks the token",
          },
        ],
      },
      repos: [],
    }),
  });
});
afterAll(async () => {
  await sim.close();
  rmSync(base, { recursive: true, force: true });
});

function checkout(name: string, workflow: string): string {
  const root = path.join(base, name);
  mkdirSync(path.join(root, ".github/workflows"), { recursive: true });
  writeFileSync(path.join(root, ".github/workflows/ci.yml"), workflow);
  return root;
}

interface Report {
  findings: Array<{ check: string; message: string; remediation: string }>;
  unknown: Array<{ check: string; reason: string }>;
}

async function scan(dir: string, flags: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const saved = process.env.GITHUB_TOKEN;
  if (env.GITHUB_TOKEN) process.env.GITHUB_TOKEN = env.GITHUB_TOKEN;
  else delete process.env.GITHUB_TOKEN;
  try {
    const code = await main(["scan", dir, "--format", "json", ...flags], {
      stdout: { write: (c: string) => (out += c) },
      stderr: { write: (c: string) => (err += c), isTTY: false },
    });
    return { code, report: (out ? JSON.parse(out) : null) as Report | null, err };
  } finally {
    if (saved === undefined) delete process.env.GITHUB_TOKEN;
    else process.env.GITHUB_TOKEN = saved;
  }
}

const checksIn = (r: Report | null, kind: "findings" | "unknown") =>
  [...new Set((r?.[kind] ?? []).map((x) => x.check))]
    .filter((c) => [...API_CHECKS, "known-vulnerable-action"].includes(c))
    .sort();

describe("gatehouse scan online mode", () => {
  it("without a token reports the API-backed checks unknown with the reason", async () => {
    const { code, report } = await scan(checkout("offline", RISKY_WORKFLOW), []);
    expect(code).toBe(0);
    expect(checksIn(report, "findings")).toEqual([]);
    expect(checksIn(report, "unknown")).toEqual([...API_CHECKS, "known-vulnerable-action"].sort());
    expect(report!.unknown.find((u) => u.check === "impostor-commit")!.reason).toContain("--github-token");
  });

  it("with --github-token and --github-api-url fails each check on the risky checkout", async () => {
    const { report } = await scan(checkout("risky", RISKY_WORKFLOW), [
      "--github-token",
      TOKEN,
      "--github-api-url",
      sim.url,
    ]);
    expect(checksIn(report, "findings")).toEqual([...API_CHECKS, "known-vulnerable-action"].sort());
    expect(checksIn(report, "unknown")).toEqual([]);
    const unpinned = report!.findings.find(
      (f) => f.check === "unpinned-action" && f.message.includes("legacy"),
    );
    expect(unpinned?.remediation).toContain(`uses: octo-actions/legacy@${LEGACY_V1} # v1`);
    expect(report!.findings.find((f) => f.check === "known-vulnerable-action")?.message).toContain(
      "GHSA-xxxx-legacy-0001",
    );
  });

  it("reads GITHUB_TOKEN from the environment and passes the clean checkout", async () => {
    const { report } = await scan(checkout("clean", CLEAN_WORKFLOW), ["--github-api-url", sim.url], {
      GITHUB_TOKEN: TOKEN,
    });
    expect(checksIn(report, "findings")).toEqual([]);
    expect(checksIn(report, "unknown")).toEqual([]);
  });

  it("names the flag when the token is refused or the URL is malformed, without echoing the token", async () => {
    const bad = await scan(checkout("bad", CLEAN_WORKFLOW), [
      "--github-token",
      "ghp_wrong",
      "--github-api-url",
      sim.url,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--github-token:");
    expect(bad.err).not.toContain("ghp_wrong");
    const url = await scan(checkout("bad-url", CLEAN_WORKFLOW), [
      "--github-token",
      TOKEN,
      "--github-api-url",
      "ftp://x",
    ]);
    expect(url.code).toBe(2);
    expect(url.err).toContain("--github-api-url: must be an http(s) URL");
  });
});
