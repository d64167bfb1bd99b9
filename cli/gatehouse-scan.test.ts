// Drives the real `gatehouse` command as a subprocess on checkouts built here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonReport } from "@/lib/report/json";
import { validateSarif } from "@/lib/report/test-helpers";

const REPO = process.cwd();
const BIN = path.join(REPO, "bin/gatehouse.mjs");
const base = mkdtempSync(path.join(tmpdir(), "gatehouse-cli-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function gatehouse(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkout(name: string, files: Record<string, string>): string {
  const root = path.join(base, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

// Line 8 expands an issue title in a shell script (template-injection, critical);
// line 7 uses a third-party action by tag (unpinned-action, high).
const unsafeWorkflow = (usesLine: string) =>
  [
    "name: triage",
    "on: issues",
    "jobs:",
    "  triage:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    `      - ${usesLine}`,
    '      - run: echo "${{ github.event.issue.title }}"',
    "",
  ].join("\n");
const PLAIN_USES = "uses: someone/label-action@v1";

const unsafe = checkout("unsafe", {
  ".github/workflows/triage.yml": unsafeWorkflow(PLAIN_USES),
  "package.json": "{}\n",
});

const SEVERITY_ORDER = ["low", "medium", "high", "critical"];

describe("gatehouse scan: usage errors exit 2", () => {
  it.each([
    [["scan", unsafe, "--format", "xml"], /--format/],
    [["scan", unsafe, "--fail-on", "urgent"], /--fail-on/],
    [["scan", unsafe, "--nope"], /Unknown option '--nope'/],
    [["scan"], /missing the directory/],
    [["scan", path.join(base, "does-not-exist")], /not a directory/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [
      ["scan", unsafe, "--output", path.join(base, "no-such-dir", "out.json")],
      /cannot write --output .*ENOENT/,
    ],
  ])("%j", (args, message) => {
    const r = gatehouse(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("gatehouse scan --format json", () => {
  const r = gatehouse("scan", unsafe, "--format", "json");
  const report = JSON.parse(r.stdout) as JsonReport;

  it("prints the documented document and nothing on a non-terminal stderr", () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(Object.keys(report).sort()).toEqual([
      "errors",
      "findings",
      "scores",
      "tool",
      "unknown",
      "version",
    ]);
    expect(report.tool).toBe("gatehouse");
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual([
        "category",
        "check",
        "confidence",
        "file",
        "line",
        "message",
        "remediation",
        "severity",
      ]);
      expect(f.remediation.length).toBeGreaterThan(0);
    }
    // identity is judged from settings only, which a checkout does not have.
    expect(Object.keys(report.scores)).not.toContain("identity");
    expect(typeof report.scores.overall).toBe("number");
  });

  it("finds the template injection and the unpinned action with file and line", () => {
    const at = (check: string) =>
      report.findings.filter((f) => f.check === check).map((f) => [f.file, f.line, f.severity]);
    expect(at("template-injection")).toContainEqual([".github/workflows/triage.yml", 8, "critical"]);
    expect(at("unpinned-action")).toContainEqual([".github/workflows/triage.yml", 7, "high"]);
  });

  it("exits 1 exactly when a finding is at or above --fail-on", () => {
    const worst = Math.max(...report.findings.map((f) => SEVERITY_ORDER.indexOf(f.severity)));
    expect(worst).toBe(3);
    for (const severity of ["critical", "high", "low"]) {
      expect(gatehouse("scan", unsafe, "--format", "json", "--fail-on", severity).code, severity).toBe(1);
    }
    const mild = checkout("mild", {
      ".github/workflows/ci.yml":
        "on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n",
    });
    expect(gatehouse("scan", mild, "--format", "json", "--fail-on", "critical").code).toBe(0);
  });

  it("writes to --output instead of stdout", () => {
    const out = path.join(base, "report.json");
    const w = gatehouse("scan", unsafe, "--format", "json", "--output", out);
    expect(w.stdout).toBe("");
    expect((JSON.parse(readFileSync(out, "utf8")) as JsonReport).findings).toEqual(report.findings);
  });
});

describe("gatehouse scan never skips a file without a word", () => {
  const broken = checkout("broken", {
    ".github/workflows/ci.yml": "on: push\njobs:\n  a: [unclosed\n",
    // A Dockerfile whose first instruction is not FROM cannot be analysed.
    Dockerfile: "RUN curl https://example.com/x.sh | sh\nFROM debian:12\n",
  });

  it("names each unreadable file with its reason in the JSON errors and in the table", () => {
    const json = gatehouse("scan", broken, "--format", "json");
    const report = JSON.parse(json.stdout) as { errors: Array<{ file: string; reason: string }> };
    expect(report.errors.map((e) => e.file).sort()).toEqual([".github/workflows/ci.yml", "Dockerfile"]);
    expect(report.errors.find((e) => e.file === "Dockerfile")?.reason).toMatch(/before the first FROM/);

    const table = gatehouse("scan", broken, "--format", "table");
    expect(table.stdout).toMatch(/Dockerfile.*before the first FROM/);
    expect(table.stdout).toMatch(/\.github\/workflows\/ci\.yml/);
  });
});

describe("gatehouse scan on a large tree", () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++)
    files[`k8s/app-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`;
  const large = checkout("large", files);

  it("prints no progress when stderr is not a terminal", () => {
    const r = gatehouse("scan", large, "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  // util-linux `script` gives the command a pseudo-terminal, as a person's shell would.
  it.skipIf(!existsSync("/usr/bin/script"))("shows files analysed / total on a terminal", () => {
    const out = path.join(base, "tty-report.json");
    const cmd = [process.execPath, BIN, "scan", large, "--format", "json", "--output", out]
      .map((a) => `'${a}'`)
      .join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("gatehouse: analysing files 300/300");
  });
});

describe("gatehouse scan --format sarif", () => {
  it("validates against the SARIF 2.1.0 schema and points at relative files", () => {
    const r = gatehouse("scan", unsafe, "--format", "sarif");
    const sarif = JSON.parse(r.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          locations: Array<{
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }>;
        }>;
      }>;
    };
    expect(validateSarif(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.map((x) => x.id)).toContain("template-injection");
    const hit = run?.results.find((x) => x.ruleId === "template-injection");
    expect(hit?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: ".github/workflows/triage.yml", uriBaseId: "%SRCROOT%" },
      region: expect.objectContaining({ startLine: 8 }),
    });
  });
});

describe("gatehouse scan: inline suppressions", () => {
  it("drops a finding suppressed with a reason from JSON and keeps it as a SARIF suppression", () => {
    const dir = checkout("suppressed", {
      ".github/workflows/triage.yml": unsafeWorkflow(
        `${PLAIN_USES} # gatehouse: ignore[unpinned-action] fork we vendor and review`,
      ),
    });
    const json = JSON.parse(gatehouse("scan", dir, "--format", "json").stdout) as JsonReport;
    expect(json.findings.filter((f) => f.check === "unpinned-action" && f.line === 7)).toEqual([]);
    expect(json.findings.some((f) => f.check === "template-injection")).toBe(true);
    const sarif = JSON.parse(gatehouse("scan", dir, "--format", "sarif").stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ justification: string }> }> }>;
    };
    const suppressed = sarif.runs[0]?.results.find((x) => x.ruleId === "unpinned-action" && x.suppressions);
    expect(suppressed?.suppressions?.[0]?.justification).toBe("fork we vendor and review");
  });

  it("does not apply a suppression without a reason, and reports it", () => {
    const dir = checkout("no-reason", {
      ".github/workflows/triage.yml": unsafeWorkflow(`${PLAIN_USES} # gatehouse: ignore[unpinned-action]`),
    });
    const r = gatehouse("scan", dir, "--format", "json", "--fail-on", "high");
    expect(r.code).toBe(1);
    const finding = (JSON.parse(r.stdout) as JsonReport).findings.find(
      (f) => f.check === "unpinned-action" && f.line === 7,
    );
    expect(finding?.message).toMatch(/reason is required/);
    expect(r.stderr).toMatch(/triage\.yml:7: inline suppression has no reason/);
  });
});

describe("gatehouse scan --format table", () => {
  it("groups findings by severity with the fix, and works through npx", () => {
    const r = spawnSync("npx", ["--no-install", "gatehouse", "scan", unsafe], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^CRITICAL \(\d+\)$/m);
    expect(r.stdout.indexOf("CRITICAL (")).toBeLessThan(r.stdout.indexOf("HIGH ("));
    expect(r.stdout).toMatch(/template-injection {2}\.github\/workflows\/triage\.yml:8/);
    expect(r.stdout).toMatch(/ {4}fix: /);
  });
});

// Needs the project's own .github/workflows/ci.yml and Dockerfile (written by the lead):
// Gatehouse must pass its own gate at --fail-on high.
describe("gatehouse scan on the Gatehouse repository itself", () => {
  it("reports no finding at high or above", () => {
    const r = gatehouse("scan", REPO, "--format", "json", "--fail-on", "high");
    const findings = (JSON.parse(r.stdout) as JsonReport).findings.filter(
      (f) => f.severity === "critical" || f.severity === "high",
    );
    expect(findings.map((f) => `${f.check} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("gatehouse scan is never silent", () => {
  const broken = checkout("broken", {
    ".github/workflows/ci.yml": "on: [push\njobs: {\n",
    Dockerfile: "RUN echo no base image\n",
    "package.json": "{}\n",
  });
  type Noted = JsonReport & {
    errors: Array<{ file: string; reason: string }>;
    unknown: Array<{ check: string; reason: string }>;
  };

  it("lists unparsable files and unknown checks in JSON, and warns on stderr", () => {
    const r = gatehouse("scan", broken, "--format", "json");
    const json = JSON.parse(r.stdout) as Noted;
    expect(json.errors.map((e) => e.file).sort()).toEqual([".github/workflows/ci.yml", "Dockerfile"]);
    expect(json.errors.every((e) => e.reason.length > 0)).toBe(true);
    expect(json.unknown.find((u) => u.check === "dockerfile-root-user")?.reason).toContain("Dockerfile");
    expect(r.stderr).toContain("Dockerfile: not analysed");
  });

  it("reports them as SARIF tool execution notifications", () => {
    const sarif = JSON.parse(gatehouse("scan", broken, "--format", "sarif").stdout) as {
      runs: Array<{
        invocations: Array<{
          toolExecutionNotifications: Array<{
            level: string;
            message: { text: string };
            associatedRule?: { id: string };
          }>;
        }>;
      }>;
    };
    expect(validateSarif(sarif)).toEqual([]);
    const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.filter((n) => n.level === "error")).toHaveLength(2);
    expect(notes.some((n) => n.associatedRule?.id === "dockerfile-root-user")).toBe(true);
  });

  it("keeps a clean checkout's error list empty", () => {
    const json = JSON.parse(gatehouse("scan", unsafe, "--format", "json").stdout) as Noted;
    expect(json.errors).toEqual([]);
  });
});
