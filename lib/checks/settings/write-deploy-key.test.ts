import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { writeDeployKey } from "./write-deploy-key";

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
