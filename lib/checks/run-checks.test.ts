import { describe, expect, it } from "vitest";
import { filesOnlyFacts } from "../facts/types";
import type { RepoFile } from "../facts/types";
import { findingFingerprints } from "./fingerprint";
import { runChecks, runChecksAsync } from "./run-checks";
import type { CheckContext, CheckDefinition, CheckOutcome, Policy, PolicyException } from "./types";

const NOW = new Date("2026-03-01T00:00:00Z");

function policy(exceptions: PolicyException[] = []): Policy {
  return {
    version: 1,
    weights: { critical: 10, high: 7.5, medium: 5, low: 2.5 },
    criticalRepos: [],
    productionEnvironmentPatterns: ["^prod"],
    productionEnvironments: [],
    exceptions,
  };
}

function ctx(p = policy()): CheckContext {
  return { now: NOW, policy: p, critical: false, isProductionEnvironment: (n) => /^prod/i.test(n) };
}

/** A check that flags every line containing `BAD` in every file. */
function badLineCheck(id = "test-bad-line", from: CheckDefinition["from"] = ["wf"]): CheckDefinition {
  return {
    id,
    title: "bad line",
    category: "integrity",
    severity: "high",
    from,
    rationale: "test",
    remediation: "remove BAD",
    run(facts): CheckOutcome {
      const findings = facts.files.flatMap((f) =>
        (f.text ?? "").split("\n").flatMap((text, i) =>
          text.includes("BAD")
            ? [
                {
                  message: "BAD here",
                  remediation: "remove it",
                  confidence: "high" as const,
                  evidence: { kind: "file" as const, file: f.path, line: i + 1, snippet: text },
                },
              ]
            : [],
        ),
      );
      return { status: findings.length ? "fail" : "pass", findings };
    },
  };
}

const facts = (files: RepoFile[]) =>
  filesOnlyFacts(
    "acme",
    "api",
    files,
    files.map((f) => f.path),
  );
const file = (path: string, text: string): RepoFile => ({ path, text });

describe("runChecks", () => {
  it("turns a throwing check into unknown with the error as reason, and keeps running the others", () => {
    const boom: CheckDefinition = {
      ...badLineCheck("boom"),
      run: () => {
        throw new Error("kaboom");
      },
    };
    const results = runChecks(facts([file("a.yml", "BAD")]), ctx(), { checks: [boom, badLineCheck()] });
    expect(results.map((r) => [r.checkId, r.status])).toEqual([
      ["boom", "unknown"],
      ["test-bad-line", "fail"],
    ]);
    expect(results[0]?.reason).toContain("kaboom");
  });

  it("keeps only checks reading one of the requested sources", () => {
    const checks = [
      badLineCheck("a", ["wf"]),
      badLineCheck("b", ["settings"]),
      badLineCheck("c", ["settings", "files"]),
    ];
    const ids = runChecks(facts([]), ctx(), { checks, only: ["wf", "files"] }).map((r) => r.checkId);
    expect(ids).toEqual(["a", "c"]);
  });

  it("applies an inline suppression with a reason on the same line or the comment line above", () => {
    const text = [
      "x: BAD # gatehouse: ignore[test-bad-line] vendored upstream",
      "# gatehouse: ignore[other, test-bad-line] - pinned by digest elsewhere",
      "y: BAD",
    ].join("\n");
    const [r] = runChecks(facts([file("w.yml", text)]), ctx(), { checks: [badLineCheck()] });
    expect(r?.findings.map((f) => f.suppressed)).toEqual([
      { by: "inline", reason: "vendored upstream" },
      { by: "inline", reason: "pinned by digest elsewhere" },
    ]);
    expect(r?.status).toBe("pass");
  });

  it("ignores a suppression without a reason and says so in the finding", () => {
    const text = "# gatehouse: ignore[test-bad-line]\nBAD";
    const [r] = runChecks(facts([file("w.yml", text)]), ctx(), { checks: [badLineCheck()] });
    expect(r?.status).toBe("fail");
    expect(r?.findings[0]?.suppressed).toBeUndefined();
    expect(r?.findings[0]?.message).toMatch(/reason is required/);
  });

  it("does not apply a suppression for another check id, another file or a non-adjacent line", () => {
    const files = [
      file("a.yml", "# gatehouse: ignore[other-check] reason\nBAD"),
      file("b.yml", "# gatehouse: ignore[test-bad-line] reason\n\nBAD"),
      file("c.yml", "BAD"),
    ];
    const [r] = runChecks(facts(files), ctx(), { checks: [badLineCheck()] });
    expect(r?.findings.filter((f) => f.suppressed)).toHaveLength(0);
    expect(r?.status).toBe("fail");
  });

  it("keeps the check failing when only some findings are suppressed", () => {
    const [r] = runChecks(facts([file("w.yml", "BAD # gatehouse: ignore[test-bad-line] ok\nBAD")]), ctx(), {
      checks: [badLineCheck()],
    });
    expect(r?.status).toBe("fail");
    expect(r?.findings.map((f) => f.suppressed?.by ?? null)).toEqual(["inline", null]);
  });
});

describe("runChecks with policy exceptions", () => {
  const exception = (expiresAt: string, repo = "acme/api"): PolicyException => ({
    id: "exc-1",
    checkId: "test-bad-line",
    repo,
    justification: "legacy pipeline, replaced in Q2",
    approver: "lead",
    expiresAt,
  });

  it("marks every finding suppressed by an active exception and passes the check", () => {
    const [r] = runChecks(
      facts([file("w.yml", "BAD\nBAD")]),
      ctx(policy([exception("2026-06-01T00:00:00Z")])),
      { checks: [badLineCheck()] },
    );
    expect(r?.status).toBe("pass");
    expect(r?.findings).toHaveLength(2);
    expect(
      r?.findings.every((f) => f.suppressed?.by === "exception" && f.suppressed.exceptionId === "exc-1"),
    ).toBe(true);
  });

  it("ignores an expired exception or one for another repository", () => {
    for (const exc of [exception("2026-01-01T00:00:00Z"), exception("2026-06-01T00:00:00Z", "acme/web")]) {
      const [r] = runChecks(facts([file("w.yml", "BAD")]), ctx(policy([exc])), { checks: [badLineCheck()] });
      expect(r?.status).toBe("fail");
      expect(r?.findings[0]?.suppressed).toBeUndefined();
    }
  });
});

describe("runChecks with instance-scoped exceptions", () => {
  const scope = { repositoryId: "repo-1", organizationId: "org-1" };
  const scoped = (p: Policy): CheckContext => ({ ...ctx(p), scope });
  const lines = facts([file("w.yml", "BAD one\nok\nBAD two")]);
  const [second] = findingFingerprints(
    "test-bad-line",
    [{ evidence: { kind: "file", file: "w.yml", line: 3, snippet: "BAD two" } }],
    scope,
  );
  const instance = (extra: Partial<PolicyException> = {}): PolicyException => ({
    id: "EX-4-1",
    checkId: "test-bad-line",
    repo: "acme/api",
    justification: "this one line is a test fixture",
    approver: "lead",
    expiresAt: "2026-06-01T00:00:00Z",
    fingerprint: second!,
    ...extra,
  });

  it("accepts only the finding it names: the others still fail the check", () => {
    const [r] = runChecks(lines, scoped(policy([instance()])), { checks: [badLineCheck()] });
    expect(r?.status).toBe("fail");
    expect(r?.findings.map((f) => f.suppressed?.exceptionId ?? null)).toEqual([null, "EX-4-1"]);
  });

  it("passes the check once every finding is accepted", () => {
    const [r] = runChecks(facts([file("w.yml", "ok\nok\nBAD two")]), scoped(policy([instance()])), {
      checks: [badLineCheck()],
    });
    // The fingerprint leaves the line out: the finding moved from line 3 and is still accepted.
    expect(r?.status).toBe("pass");
    expect(r?.findings[0]?.suppressed?.exceptionId).toBe("EX-4-1");
  });

  it("does nothing when pending, expired, for another repository, or without a scope", () => {
    for (const [p, c] of [
      [policy([instance({ approver: undefined })]), scoped],
      [policy([instance({ expiresAt: "2026-01-01T00:00:00Z" })]), scoped],
      [policy([instance({ repo: "acme/web" })]), scoped],
      [policy([instance()]), ctx],
    ] as const) {
      const [r] = runChecks(lines, c(p), { checks: [badLineCheck()] });
      expect(r?.findings.every((f) => !f.suppressed)).toBe(true);
    }
  });
});

describe("runChecksAsync", () => {
  it("awaits prepare before running, and a failing prepare makes only that check unknown", async () => {
    let prepared = "";
    const withPrepare = {
      ...badLineCheck("prepared"),
      async prepare(f: { files: RepoFile[] }) {
        await new Promise((r) => setTimeout(r, 5));
        prepared = f.files[0]?.path ?? "";
      },
      run: () => ({ status: prepared ? "pass" : "fail", findings: [] }) as CheckOutcome,
    };
    const broken = { ...badLineCheck("broken"), prepare: async () => Promise.reject(new Error("no rules")) };
    const results = await runChecksAsync(facts([file("w.yml", "ok")]), ctx(), {
      checks: [withPrepare, broken, badLineCheck()],
    });
    expect(results.map((r) => [r.checkId, r.status])).toEqual([
      ["prepared", "pass"],
      ["broken", "unknown"],
      ["test-bad-line", "pass"],
    ]);
    expect(results[1]?.reason).toContain("no rules");
  });
});
