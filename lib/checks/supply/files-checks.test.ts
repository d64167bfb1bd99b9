import { describe, expect, it } from "vitest";
import { ctx } from "../wf/test-kit";
import { codeownersMissing, workflowsUnowned } from "./codeowners";
import { noDependencyUpdates } from "./dependency-updates";
import { dockerfileRootUser } from "./dockerfile-root-user";
import { missingLockfile } from "./missing-lockfile";
import { fixtureFacts, inlineFacts } from "./test-kit";

describe("missing-lockfile", () => {
  it("fails a manifest without lockfile and an unpinned requirements file, with file+line", () => {
    const o = missingLockfile.run(
      inlineFacts({
        "web/package.json": '{\n  "dependencies": {"next": "16"}\n}',
        "requirements.txt": "flask==3.0.0\nrequests>=2\n",
      }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(
      o.findings.map((f) =>
        f.evidence.kind === "file" ? [f.evidence.file, f.evidence.line, f.evidence.snippet] : [],
      ),
    ).toEqual([
      ["requirements.txt", 2, "requests>=2"],
      ["web/package.json", 1, "{"],
    ]);
    expect(o.findings[1]?.remediation).toMatch(/^In web: run `npm install`/);
  });
  it("passes when locked, is not-applicable without manifests, unknown when texts are missing", () => {
    expect(
      missingLockfile.run(inlineFacts({ "go.mod": "module x\nrequire a v1\n", "go.sum": null }), ctx).status,
    ).toBe("pass");
    expect(missingLockfile.run(inlineFacts({ "README.md": "" }), ctx).status).toBe("not-applicable");
    expect(missingLockfile.run(inlineFacts({ "requirements.txt": null }), ctx).status).toBe("unknown");
  });
  it("paths-only facts (no tree) lower the confidence", () => {
    const facts = inlineFacts({ Gemfile: "gem 'rails'" }, { paths: null });
    expect(missingLockfile.run(facts, ctx).findings[0]?.confidence).toBe("medium");
  });
});

describe("no-dependency-updates", () => {
  it("passes on scorecard's dependabot.yml and prisma's .github/renovate.json", () => {
    expect(noDependencyUpdates.run(fixtureFacts("ossf__scorecard"), ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/dependabot.yml" }],
    });
    expect(noDependencyUpdates.run(fixtureFacts("prisma__prisma"), ctx).status).toBe("pass");
    expect(
      noDependencyUpdates.run(
        inlineFacts({ "package.json": '{"name":"x",\n"renovate": {"extends": ["config:recommended"]}}' }),
        ctx,
      ),
    ).toMatchObject({ status: "pass", evidence: [{ line: 2 }] });
  });
  it("fails when neither is configured, or dependabot declares nothing", () => {
    const o = noDependencyUpdates.run(fixtureFacts("pallets__flask"), ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.remediation).toContain("package-ecosystem");
    expect(
      noDependencyUpdates.run(inlineFacts({ ".github/dependabot.yml": "version: 2\n" }), ctx).status,
    ).toBe("fail");
  });
});

describe("dockerfile-root-user", () => {
  it("goat's node:18 image without USER fails (medium confidence); USER root fails (high)", () => {
    const o = dockerfileRootUser.run(fixtureFacts("step-security__github-actions-goat"), ctx);
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ confidence: "medium", evidence: { file: "Dockerfile", line: 1 } }],
    });
    const root = dockerfileRootUser.run(
      inlineFacts({ "api/Dockerfile": "FROM a AS b\nUSER app\nFROM b\nUSER 0:0\n" }),
      ctx,
    );
    expect(root.findings[0]).toMatchObject({ confidence: "high", evidence: { line: 4 } });
  });
  it("passes scorecard's chainguard base, a USER inherited from an earlier stage, and is n/a without Dockerfiles", () => {
    expect(dockerfileRootUser.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(
      dockerfileRootUser.run(
        inlineFacts({ Dockerfile: "FROM a AS base\nUSER 10001\nFROM base\nCMD x\n" }),
        ctx,
      ),
    ).toMatchObject({ status: "pass", evidence: [{ line: 2 }] });
    expect(dockerfileRootUser.run(inlineFacts({}), ctx).status).toBe("not-applicable");
  });
  it("an unparsable or unfetched Dockerfile makes the check unknown, never a pass", () => {
    expect(dockerfileRootUser.run(inlineFacts({ Dockerfile: "RUN x\n" }), ctx).status).toBe("unknown");
    expect(dockerfileRootUser.run(inlineFacts({ Dockerfile: null }), ctx).status).toBe("unknown");
  });
});

describe("codeowners-missing and workflows-unowned", () => {
  it("scorecard: valid CODEOWNERS whose `*` rule owns the workflows", () => {
    const facts = fixtureFacts("ossf__scorecard");
    expect(codeownersMissing.run(facts, ctx).status).toBe("pass");
    expect(workflowsUnowned.run(facts, ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/CODEOWNERS", line: 7 }],
    });
  });
  it("renovate: CODEOWNERS exists but leaves .github/workflows/ unowned", () => {
    const facts = fixtureFacts("renovatebot__renovate");
    expect(codeownersMissing.run(facts, ctx).status).toBe("pass");
    const o = workflowsUnowned.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.remediation).toContain("/.github/workflows/ @<org>/");
  });
  it("no CODEOWNERS: both fail; errors are reported per line", () => {
    const facts = fixtureFacts("pallets__flask");
    expect(codeownersMissing.run(facts, ctx).status).toBe("fail");
    expect(workflowsUnowned.run(facts, ctx).status).toBe("fail");
    const bad = inlineFacts({
      "docs/CODEOWNERS": "* @acme/devs\n!vendor/ @x\n/.github/ bob\n",
      ".github/workflows/ci.yml": "on: push",
    });
    const o = codeownersMissing.run(bad, ctx);
    expect(o.findings.map((f) => f.evidence.kind === "file" && [f.evidence.file, f.evidence.line])).toEqual([
      ["docs/CODEOWNERS", 2],
      ["docs/CODEOWNERS", 3],
    ]);
    // The erroneous `/.github/ bob` line is skipped by GitHub, so `*` still owns workflows.
    expect(workflowsUnowned.run(bad, ctx).status).toBe("pass");
  });
  it("a later owner-less rule unowns workflows; not-applicable without workflows; unknown when unreadable", () => {
    const facts = inlineFacts({
      ".github/CODEOWNERS": "* @acme/devs\n.github/workflows/\n",
      ".github/workflows/ci.yml": "on: push",
    });
    expect(workflowsUnowned.run(facts, ctx).findings[0]?.evidence).toMatchObject({ line: 2 });
    expect(workflowsUnowned.run(inlineFacts({ CODEOWNERS: "* @a" }), ctx).status).toBe("not-applicable");
    expect(codeownersMissing.run(inlineFacts({ CODEOWNERS: null }), ctx).status).toBe("unknown");
  });
});

describe("workflows-unowned per file", () => {
  it("points at the rule that leaves one workflow without owners", () => {
    const facts = inlineFacts({
      ".github/CODEOWNERS": "* @acme/devs\n/.github/workflows/release.yml\n",
      ".github/workflows/ci.yml": "on: push",
      ".github/workflows/release.yml": "on: push",
    });
    const o = workflowsUnowned.run(facts, ctx);
    expect(o.findings.map((f) => [f.message, f.evidence.kind === "file" && f.evidence.line])).toEqual([
      [
        ".github/workflows/release.yml has no code owner (line 2 `/.github/workflows/release.yml` names none).",
        2,
      ],
    ]);
  });
});
