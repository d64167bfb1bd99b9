import { expect, it } from "vitest";
import { makeFacts } from "../../testing/facts";
import { catalogue } from "./catalogue";
import { ctx } from "./test-kit";

it("no check leaves a {default_branch} placeholder in messages, evidence or fixes of an empty repository", () => {
  const facts = makeFacts({
    defaultBranch: null,
    files: [],
    paths: [],
    settings: { branchProtection: null, rulesets: [] },
  });
  const text = JSON.stringify(catalogue.map((check) => check.run(facts, ctx)));
  expect(text).toContain("no default branch yet");
  const forcePush = catalogue.find((c) => c.id === "force-push")!.run(facts, ctx);
  expect(forcePush).toMatchObject({ status: "not-applicable", reason: expect.stringContaining("empty") });
  expect(text).not.toContain("{default_branch}");
});
