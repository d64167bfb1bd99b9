import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { outsideCollaboratorAdmin } from "./outside-collaborator-admin";

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
