import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { wfChecks } from "./index";
import { templateInjection } from "./injection";
import { ctx, factsWith } from "./test-kit";
import { isWorkflowPath, workflowsOf } from "./workflows-of";

const OK = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n";

describe("workflowsOf", () => {
  it("parses each facts object once", () => {
    const facts = factsWith({ ".github/workflows/a.yml": OK });
    expect(workflowsOf(facts)).toBe(workflowsOf(facts));
    expect(workflowsOf(facts).workflows).toHaveLength(1);
  });

  it("selects top-level workflow files and action metadata only", () => {
    expect(isWorkflowPath(".github/workflows/ci.yaml")).toBe(true);
    expect(isWorkflowPath(".github/workflows/sub/ci.yml")).toBe(false);
    expect(isWorkflowPath("docs/ci.yml")).toBe(false);
    const facts = factsWith({
      "docs/x.yml": "a: [",
      ".github/actions/setup/action.yml":
        "runs:\n  using: composite\n  steps:\n    - run: echo ${{ github.event.issue.title }}\n      shell: bash\n",
    });
    const set = workflowsOf(facts);
    expect(set.total).toBe(1);
    expect(set.workflows[0]!.kind).toBe("composite-action");
    // Composite actions are analysed too: the caller's event is unknown, so it counts as critical.
    expect(templateInjection.run(facts, ctx).status).toBe("fail");
  });

  it("records unfetched, unparsable and truncated files, which make a clean check unknown", () => {
    const facts = makeFacts({
      files: [
        { path: ".github/workflows/a.yml", text: null, skippedReason: "binary" },
        { path: ".github/workflows/b.yml", text: "on: [" },
        { path: ".github/workflows/c.yml", text: OK, truncated: true },
      ],
    });
    const set = workflowsOf(facts);
    expect(set.failures.map((f) => f.path)).toEqual([
      ".github/workflows/a.yml",
      ".github/workflows/b.yml",
      ".github/workflows/c.yml",
    ]);
    const o = templateInjection.run(facts, ctx);
    expect(o.status).toBe("unknown");
    expect(o.reason).toContain("binary");
  });
});

describe("wfChecks over the real-world corpus", () => {
  const corpus = path.join(__dirname, "..", "..", "analyzers", "workflow", "__fixtures__", "corpus");
  const repos = readdirSync(corpus).filter((r) => !r.endsWith(".md"));

  it("exports 17 uniquely named checks", () => {
    expect(wfChecks).toHaveLength(17);
    expect(new Set(wfChecks.map((c) => c.id)).size).toBe(17);
  });

  it("never crashes, and every finding cites a real line of its file", () => {
    for (const repo of repos) {
      const files = readdirSync(path.join(corpus, repo)).map((f) => ({
        path: `.github/workflows/${f}`,
        text: readFileSync(path.join(corpus, repo, f), "utf8"),
      }));
      const facts = makeFacts({ files, visibility: "public", settings: null, org: null });
      for (const check of wfChecks) {
        const o = check.run(facts, ctx);
        expect(["pass", "fail", "unknown", "not-applicable"]).toContain(o.status);
        expect(o.status === "fail", `${repo} ${check.id}`).toBe(o.findings.length > 0);
        for (const f of o.findings) {
          const ev = f.evidence;
          if (ev.kind !== "file") continue;
          const text = (files.find((x) => x.path === ev.file)?.text.split("\n")[ev.line - 1] ?? "").trim();
          expect(ev.snippet, `${repo} ${check.id} ${ev.file}:${ev.line}`).toBe(
            text.length > 200 ? `${text.slice(0, 197)}...` : text,
          );
          expect(f.remediation.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it("finds the known problems of the deliberately vulnerable github-actions-goat", () => {
    const repo = "step-security__github-actions-goat";
    const files = readdirSync(path.join(corpus, repo)).map((f) => ({
      path: `.github/workflows/${f}`,
      text: readFileSync(path.join(corpus, repo, f), "utf8"),
    }));
    const facts = makeFacts({ files, visibility: "public" });
    const status = (id: string) => wfChecks.find((c) => c.id === id)!.run(facts, ctx).status;
    expect(status("secret-in-logs")).toBe("fail");
    expect(status("self-hosted-runner")).toBe("fail");
    expect(status("static-cloud-credentials")).toBe("fail");
  });
});
