import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { runCheck } from "../test-kit";
import { webhookInsecure } from "./webhook-insecure";

const hook = {
  id: 7,
  origin: "https://hooks.example.com",
  insecureSsl: false,
  hasSecret: true,
  active: true,
};

describe("webhook-insecure", () => {
  it("passes with signed, verified https hooks or none", () => {
    expect(runCheck(webhookInsecure, makeFacts({ settings: { webhooks: [hook] } })).status).toBe("pass");
    expect(runCheck(webhookInsecure, makeFacts()).status).toBe("pass");
  });

  it("fails on a hook without a secret, naming the fix", () => {
    const o = runCheck(
      webhookInsecure,
      makeFacts({ settings: { webhooks: [{ ...hook, hasSecret: false }] } }),
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain("has no secret");
    expect(o.findings[0]?.remediation).toContain("PATCH /repos/acme/api/hooks/7/config");
  });

  it("fails on SSL verification off and on plain http, even with a secret", () => {
    const o = runCheck(
      webhookInsecure,
      makeFacts({
        settings: { webhooks: [{ ...hook, insecureSsl: true, origin: "http://hooks.example.com" }] },
      }),
    );
    expect(o.findings[0]?.message).toContain("insecure_ssl: 1");
    expect(o.findings[0]?.message).toContain("plain http");
    expect(o.findings[0]?.remediation).toContain('"insecure_ssl":"0"');
  });

  it("fails on an insecure organisation hook as an org-level finding", () => {
    const o = runCheck(
      webhookInsecure,
      makeFacts({ org: { webhooks: [{ ...hook, id: 9, hasSecret: false }] } }),
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain("Organisation webhook 9");
    expect(o.findings[0]?.evidence).toMatchObject({ kind: "api", field: "orgs/acme/hooks/9.config" });
    expect(o.findings[0]?.remediation).toContain("PATCH /orgs/acme/hooks/9/config");
  });

  it("is unknown when hooks were not read", () => {
    expect(runCheck(webhookInsecure, makeFacts({ org: { webhooks: null } })).reason).toContain(
      "admin:org_hook",
    );
    expect(runCheck(webhookInsecure, makeFacts({ settings: { webhooks: null } })).status).toBe("unknown");
    expect(runCheck(webhookInsecure, makeFacts({ settings: null })).status).toBe("unknown");
  });
});
