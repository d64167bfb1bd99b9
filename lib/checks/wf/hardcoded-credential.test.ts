import { describe, expect, it } from "vitest";
import { runChecksAsync } from "../run-checks";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { hardcodedCredential } from "./hardcoded-credential";

const wf = (jobs: string) => `on: push\njobs:\n${jobs}`;

describe("hardcoded-credential", () => {
  const TOKEN = ["ghp", "_", "1234567890abcdefghij", "ABCDEFGHIJ123456"].join("");
  it("finds a literal registry password and a secretlint hit through prepare, masked", async () => {
    const facts = inlineFacts({
      ".github/workflows/ci.yml": wf(
        "  b:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/acme/ci:1\n      credentials:\n        username: bot\n        password: hunter2hunter2\n    steps:\n      - run: make\n",
      ),
      "config/deploy.yml": `github_token: ${TOKEN}\n`,
    });
    await hardcodedCredential.prepare?.(facts);
    const o = hardcodedCredential.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(
      o.findings.map(
        (f) => f.evidence.kind === "file" && [f.evidence.file, f.evidence.line, f.evidence.snippet],
      ),
    ).toEqual([
      [".github/workflows/ci.yml", 9, "password: hunt****"],
      ["config/deploy.yml", 1, "github_token: ghp_****"],
    ]);
    expect(JSON.stringify(o)).not.toContain("hunter2hunter2");
    expect(JSON.stringify(o)).not.toContain(TOKEN);
  });
  it("passes scorecard (secrets via ${{ secrets }}); is unknown when prepare did not run", async () => {
    const facts = fixtureFacts("ossf__scorecard");
    expect(hardcodedCredential.run(facts, ctx).status).toBe("unknown");
    const [result] = await runChecksAsync(facts, ctx, { checks: [hardcodedCredential] });
    expect(result?.status).toBe("pass");
  });
});

describe("hardcoded-credential on truncated files", () => {
  it("never passes on a file GitHub cut", async () => {
    const facts = inlineFacts({ "config/app.yml": "a: b\n" });
    facts.files[0]!.truncated = true;
    await hardcodedCredential.prepare?.(facts);
    expect(hardcodedCredential.run(facts, ctx)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/truncated/),
    });
  });
});
