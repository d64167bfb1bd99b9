import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { NOW, findingFields, runCheck } from "../test-kit";
import { staleSecrets } from "./stale-secrets";

describe("stale-secrets", () => {
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

  it("passes when every secret was updated within 365 days, and with no secrets", () => {
    expect(
      runCheck(
        staleSecrets,
        makeFacts({ settings: { secrets: [{ name: "A", scope: "repository", updatedAt: daysAgo(365) }] } }),
      ).status,
    ).toBe("pass");
    expect(runCheck(staleSecrets, makeFacts({ settings: { secrets: [] } })).status).toBe("pass");
  });

  it("fails for secrets older than 365 days, per scope", () => {
    const facts = makeFacts({
      settings: {
        secrets: [
          { name: "OLD_REPO", scope: "repository", updatedAt: daysAgo(366) },
          { name: "OLD_ORG", scope: "organization", updatedAt: daysAgo(800) },
          { name: "OLD_ENV", scope: "environment", environment: "prod eu", updatedAt: daysAgo(400) },
          { name: "FRESH", scope: "repository", updatedAt: daysAgo(10) },
        ],
      },
    });
    const outcome = runCheck(staleSecrets, facts);
    expect(findingFields(outcome).map(([field]) => field)).toEqual([
      "actions/secrets/OLD_REPO.updated_at",
      "orgs/acme/actions/secrets/OLD_ORG.updated_at",
      "environments/prod eu/secrets/OLD_ENV.updated_at",
    ]);
    expect(outcome.findings[1]?.message).toBe("Organisation secret OLD_ORG was last updated 800 days ago.");
    expect(outcome.findings[2]?.remediation).toContain(
      "PUT /repos/acme/api/environments/prod%20eu/secrets/OLD_ENV",
    );
  });

  it("uses the context clock, not the wall clock", () => {
    const facts = makeFacts({
      settings: { secrets: [{ name: "A", scope: "repository", updatedAt: "2020-01-01T00:00:00Z" }] },
    });
    expect(runCheck(staleSecrets, facts, { now: new Date("2020-06-01T00:00:00Z") }).status).toBe("pass");
    expect(runCheck(staleSecrets, facts).status).toBe("fail");
  });

  it("is unknown when a date is missing and nothing is stale, or secrets are unreadable", () => {
    expect(
      runCheck(
        staleSecrets,
        makeFacts({ settings: { secrets: [{ name: "A", scope: "repository", updatedAt: null }] } }),
      ).status,
    ).toBe("unknown");
    expect(runCheck(staleSecrets, makeFacts({ settings: { secrets: null } })).status).toBe("unknown");
  });
});
