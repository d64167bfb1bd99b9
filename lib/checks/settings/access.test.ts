import { describe, expect, it } from "vitest";

import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "./__fixtures__/run";
import { org2fa, orgBasePermission, outsideCollaboratorAdmin, writeDeployKey } from "./access";

describe("outside-collaborator-admin", () => {
  it("passes when outside collaborators have write or less (members may be admins)", () => {
    const facts = makeFacts({
      settings: {
        collaborators: [
          { login: "contractor", permission: "write", outside: true },
          { login: "lead", permission: "admin", outside: false },
        ],
      },
    });
    expect(runCheck(outsideCollaboratorAdmin, facts).status).toBe("pass");
  });

  it("fails per outside admin or maintainer, with the role change", () => {
    const facts = makeFacts({
      settings: {
        collaborators: [
          { login: "vendor", permission: "admin", outside: true },
          { login: "agency", permission: "maintain", outside: true },
        ],
      },
    });
    const outcome = runCheck(outsideCollaboratorAdmin, facts);
    expect(findingFields(outcome)).toEqual([
      ["collaborators/vendor/permission.role_name", "admin"],
      ["collaborators/agency/permission.role_name", "maintain"],
    ]);
    expect(outcome.findings[0]?.remediation).toContain(
      'PUT /repos/acme/api/collaborators/vendor` with `{"permission":"push"}',
    );
  });

  it("is unknown when collaborators are unreadable, and still judged when archived", () => {
    expect(runCheck(outsideCollaboratorAdmin, makeFacts({ settings: { collaborators: null } })).status).toBe(
      "unknown",
    );
    const archived = makeFacts({
      archived: true,
      settings: { collaborators: [{ login: "v", permission: "admin", outside: true }] },
    });
    expect(runCheck(outsideCollaboratorAdmin, archived).status).toBe("fail");
  });
});

describe("write-deploy-key", () => {
  it("passes with read-only keys or none", () => {
    expect(runCheck(writeDeployKey, makeFacts()).status).toBe("pass");
    expect(runCheck(writeDeployKey, makeFacts({ settings: { deployKeys: [] } })).status).toBe("pass");
  });

  it("fails on a write key with delete-and-re-add instructions", () => {
    const outcome = runCheck(
      writeDeployKey,
      makeFacts({ settings: { deployKeys: [{ id: 42, title: "ci push", readOnly: false }] } }),
    );
    expect(findingFields(outcome)).toEqual([["keys/42.read_only", false]]);
    expect(outcome.findings[0]?.remediation).toContain("DELETE /repos/acme/api/keys/42");
    expect(outcome.findings[0]?.remediation).toContain('"read_only":true');
  });

  it("is unknown when keys are unreadable and not applicable when archived", () => {
    expect(runCheck(writeDeployKey, makeFacts({ settings: { deployKeys: null } })).status).toBe("unknown");
    expect(
      runCheck(
        writeDeployKey,
        makeFacts({ archived: true, settings: { deployKeys: [{ id: 1, title: "k", readOnly: false }] } }),
      ).status,
    ).toBe("not-applicable");
  });
});

describe("org-2fa", () => {
  it("passes when required", () => {
    expect(runCheck(org2fa, makeFacts()).evidence).toEqual([
      { kind: "api", field: "orgs/acme.two_factor_requirement_enabled", value: true },
    ]);
  });

  it("fails when not required", () => {
    const outcome = runCheck(org2fa, makeFacts({ org: { twoFactorRequired: false } }));
    expect(findingFields(outcome)).toEqual([["orgs/acme.two_factor_requirement_enabled", false]]);
    expect(outcome.findings[0]?.remediation).toMatch(/Authentication security/);
  });

  it("is unknown without org facts or when the field is hidden", () => {
    expect(runCheck(org2fa, makeFacts({ org: null })).status).toBe("unknown");
    expect(runCheck(org2fa, makeFacts({ org: { twoFactorRequired: null } })).status).toBe("unknown");
  });
});

describe("org-base-permission", () => {
  it.each([
    ["none", "pass"],
    ["read", "pass"],
    ["write", "fail"],
    ["admin", "fail"],
    [null, "unknown"],
  ] as const)("%s → %s", (permission, status) => {
    expect(
      runCheck(orgBasePermission, makeFacts({ org: { defaultRepositoryPermission: permission } })).status,
    ).toBe(status);
  });

  it("names the PATCH that fixes it", () => {
    const outcome = runCheck(orgBasePermission, makeFacts({ org: { defaultRepositoryPermission: "write" } }));
    expect(findingFields(outcome)).toEqual([["orgs/acme.default_repository_permission", "write"]]);
    expect(outcome.findings[0]?.remediation).toContain(
      'PATCH /orgs/acme` with `{"default_repository_permission":"read"}',
    );
  });
});
