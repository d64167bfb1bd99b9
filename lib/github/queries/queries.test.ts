import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ACTION_ADVISORIES_QUERY } from "./action-advisories";
import { buildBlobTextsQuery } from "./blob-texts";
import { FACT_FILES } from "./fact-files";
import { LIST_REPOS_QUERY } from "./list-repos";
import { REPO_FACTS_QUERY } from "./repo-facts";
import { loadGitHubSchema } from "./schema";

// The documents must be valid against GitHub's published schema: a field GitHub
// does not have would fail every real sync while passing against a lenient fake.

describe("GraphQL documents", () => {
  const schema = loadGitHubSchema();

  it.each([
    ["list repos", LIST_REPOS_QUERY],
    ["repo facts", REPO_FACTS_QUERY],
    ["action advisories", ACTION_ADVISORIES_QUERY],
  ])("%s validates against GitHub's schema", (_name, text) => {
    const errors = validate(schema, parse(text));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("builds blob-text queries valid against GitHub's schema, whatever the path", () => {
    const { query, aliases } = buildBlobTextsQuery([
      { repoNodeId: "R_a", path: ".github/workflows/ci.yml" },
      { repoNodeId: "R_b", path: 'we"ird \\ name.yml' },
      { repoNodeId: "R_a", path: "CODEOWNERS" },
    ]);
    expect(aliases).toEqual(["b0", "b1", "b2"]);
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    expect(query).toContain('"HEAD:we\\"ird');
  });

  it("rejects a field GitHub does not have (the validator is live)", () => {
    const broken = LIST_REPOS_QUERY.replace("pushedAt", "pushedAtt");
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });

  it("asks for every fact file under a unique alias", () => {
    const aliases = FACT_FILES.map((f) => f.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const f of FACT_FILES) expect(REPO_FACTS_QUERY).toContain(`"HEAD:${f.path}"`);
  });
});
