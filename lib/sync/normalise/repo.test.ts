import { describe, expect, it } from "vitest";
import { assembleRepoFacts, type OrgPart } from "../../facts/assemble";
import { rawRepo } from "./fixtures.test-helpers";
import { groupAlertsByRepo, normaliseOrgSecrets } from "./org";
import { orgSecretsForRepo } from "@/lib/facts/assemble";
import { NO_REST, normaliseRepo } from "./repo";

describe("normaliseRepo", () => {
  it("builds the repository's own facts and leaves org parts to assembly", () => {
    const { facts, issues } = normaliseRepo(rawRepo(), {
      ...NO_REST,
      secrets: { secrets: [{ name: "TOKEN", updated_at: null }] },
    });
    expect(facts).toMatchObject({
      owner: "acme",
      name: "api",
      visibility: "private",
      defaultBranch: "main",
      org: null,
      alerts: null,
    });
    expect(facts.settings?.environments).toEqual([]);
    expect(facts.settings?.secrets).toEqual([{ name: "TOKEN", scope: "repository", updatedAt: null }]);
    expect(facts.settings?.branchProtectionKnown).toBe(true);
    expect(issues).toEqual([]);
  });

  it("reports branch protection as unknown when the token cannot administer the repo", () => {
    const { facts } = normaliseRepo(rawRepo({ viewerPermission: "WRITE" }), NO_REST);
    expect(facts.settings?.branchProtectionKnown).toBe(false);
    expect(facts.settings?.branchProtection).toBeNull();
  });

  it("marks settings GraphQL refused as unknown instead of empty", () => {
    expect(
      normaliseRepo(
        rawRepo(),
        NO_REST,
        new Set(["defaultBranchRef", "defaultBranchRef.branchProtectionRule"]),
      ).facts.settings?.branchProtectionKnown,
    ).toBe(false);
    const { facts } = normaliseRepo(rawRepo(), NO_REST, new Set(["collaborators", "rulesets"]));
    expect(facts.settings?.collaborators).toBeNull();
    expect(facts.settings?.rulesets).toBeNull();
    expect(facts.settings?.actions).toBeNull();
  });
});

describe("org parts", () => {
  const secrets = normaliseOrgSecrets(
    {
      secrets: [
        { name: "ALL", visibility: "all" },
        { name: "PRIV", visibility: "private" },
        { name: "SEL", visibility: "selected" },
        { name: "UNREAD", visibility: "selected" },
      ],
    },
    new Map([
      ["SEL", ["api"]],
      ["UNREAD", null],
    ]),
    () => {},
  )!;

  it("applies org secret visibility per repository", () => {
    expect(orgSecretsForRepo(secrets, { name: "api", visibility: "private" }).map((s) => s.name)).toEqual([
      "ALL",
      "PRIV",
      "SEL",
      "UNREAD",
    ]);
    expect(orgSecretsForRepo(secrets, { name: "web", visibility: "public" }).map((s) => s.name)).toEqual([
      "ALL",
      "UNREAD",
    ]);
  });

  it("distributes org alerts by repository, including repos named like Object members", () => {
    const alerts = groupAlertsByRepo(
      [
        {
          number: 1,
          state: "open",
          secret_type: "aws",
          created_at: "2024-01-01T00:00:00Z",
          repository: { name: "constructor" },
        },
      ],
      [
        {
          number: 2,
          state: "open",
          dependency: { package: { ecosystem: "npm", name: "lodash" }, manifest_path: "package.json" },
          security_advisory: { ghsa_id: "GHSA-1", severity: "high" },
          repository: { name: "api" },
        },
      ],
      () => {},
    );
    const org: OrgPart = {
      settings: {
        login: "acme",
        twoFactorRequired: true,
        defaultRepositoryPermission: "read",
        actions: null,
      },
      secrets,
      alerts,
      actionAdvisories: [],
    };
    const api = assembleRepoFacts(
      normaliseRepo(rawRepo(), { ...NO_REST, secrets: { secrets: [] } }).facts,
      org,
    );
    expect(api.alerts?.dependabot).toEqual([
      {
        number: 2,
        state: "open",
        severity: "high",
        ecosystem: "npm",
        packageName: "lodash",
        ghsaId: "GHSA-1",
        manifestPath: "package.json",
      },
    ]);
    expect(api.alerts?.secretScanning).toEqual([]);
    expect(api.settings?.secrets?.map((s) => s.name)).toEqual(["ALL", "PRIV", "SEL", "UNREAD"]);
    expect(api.org?.twoFactorRequired).toBe(true);
    const roundTripped = JSON.parse(JSON.stringify(org)) as OrgPart;
    const hasToString = assembleRepoFacts(
      normaliseRepo(rawRepo({ name: "toString" }), NO_REST).facts,
      roundTripped,
    );
    expect(hasToString.alerts?.secretScanning).toEqual([]);
    const ctor = assembleRepoFacts(
      normaliseRepo(rawRepo({ name: "constructor" }), NO_REST).facts,
      roundTripped,
    );
    expect(ctor.alerts?.secretScanning).toHaveLength(1);
  });
});
