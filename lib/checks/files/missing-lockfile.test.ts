import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { missingLockfile } from "./missing-lockfile";

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
