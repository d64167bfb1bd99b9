import { describe, expect, it } from "vitest";
import { planWebhook } from "./plan";

const repository = { node_id: "R_1", name: "api", default_branch: "main", owner: { login: "acme" } };
const push = (files: string[], ref = "refs/heads/main") => ({
  ref,
  repository,
  commits: [{ added: [], modified: files, removed: [] }],
});

describe("planWebhook", () => {
  it("resyncs a repository when a push to its default branch touches workflows or CODEOWNERS", () => {
    expect(planWebhook("push", push([".github/workflows/ci.yml"]))).toMatchObject({
      action: "resync",
      kind: "targeted",
      targets: ["R_1"],
      organizationLogin: "acme",
    });
    expect(planWebhook("push", push(["CODEOWNERS"]))).toMatchObject({ action: "resync" });
    expect(planWebhook("push", push(["services/api/Dockerfile"]))).toMatchObject({ action: "resync" });
  });

  it("ignores pushes to other branches or of unrelated files", () => {
    expect(planWebhook("push", push([".github/workflows/ci.yml"], "refs/heads/feature"))).toMatchObject({
      action: "ignore",
    });
    expect(planWebhook("push", push(["src/index.ts", "README.md"]))).toMatchObject({ action: "ignore" });
  });

  it("treats a capped commit list as possibly touching watched files", () => {
    const commits = Array.from({ length: 20 }, () => ({ added: [], modified: ["src/x.ts"], removed: [] }));
    expect(planWebhook("push", { ref: "refs/heads/main", repository, commits })).toMatchObject({
      action: "resync",
    });
  });

  it.each([
    "branch_protection_rule",
    "repository_ruleset",
    "member",
    "team",
    "deploy_key",
    "secret_scanning_alert",
    "dependabot_alert",
    "registry_package",
    "release",
  ])("resyncs the named repository on %s", (event) => {
    expect(
      planWebhook(event, { action: "created", repository, organization: { login: "acme" } }),
    ).toMatchObject({ action: "resync", kind: "targeted", targets: ["R_1"] });
  });

  it("falls back to an incremental org resync when a settings event names no repository", () => {
    expect(planWebhook("team", { action: "edited", organization: { login: "acme" } })).toMatchObject({
      action: "resync",
      kind: "incremental",
    });
  });

  it("lets the listing handle deleted and transferred repositories", () => {
    expect(planWebhook("repository", { action: "deleted", repository })).toMatchObject({
      action: "resync",
      kind: "incremental",
    });
    expect(planWebhook("repository", { action: "archived", repository })).toMatchObject({
      action: "resync",
      kind: "targeted",
    });
  });

  it("ignores pings, unknown events and malformed payloads", () => {
    expect(planWebhook("ping", { zen: "x", organization: { login: "acme" } })).toMatchObject({
      action: "ignore",
    });
    expect(planWebhook("star", { repository })).toMatchObject({ action: "ignore" });
    expect(planWebhook("push", { repository: { name: 1 } })).toMatchObject({ action: "ignore" });
  });
});
