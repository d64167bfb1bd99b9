import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gatehouse",
  NEXTAUTH_SECRET: "x".repeat(32),
  GITHUB_CLIENT_ID: "id",
  GITHUB_CLIENT_SECRET: "secret",
  GATEHOUSE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  GATEHOUSE_AUDIT_KEY: Buffer.alloc(32, 8).toString("base64"),
};

function issues(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.issues;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv({ ...valid, GATEHOUSE_ADMINS: " alice, bob ,," });
    expect(env.GATEHOUSE_ADMINS).toEqual(["alice", "bob"]);
    expect(env.GATEHOUSE_DEFAULT_ROLE).toBe("engineer");
    expect(env.GITHUB_API_URL).toBe("https://api.github.com");
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it("names a missing variable", () => {
    expect(issues({ ...valid, DATABASE_URL: undefined })).toEqual(["DATABASE_URL is required but not set"]);
  });

  it("names malformed variables and says what is wrong", () => {
    const found = issues({
      ...valid,
      DATABASE_URL: "mysql://x",
      GATEHOUSE_ENCRYPTION_KEY: "c2hvcnQ=",
      GATEHOUSE_DEFAULT_ROLE: "root",
    });
    expect(found).toHaveLength(3);
    expect(found.find((i) => i.startsWith("DATABASE_URL is invalid"))).toMatch(/postgres/);
    expect(found.find((i) => i.startsWith("GATEHOUSE_ENCRYPTION_KEY is invalid"))).toMatch(/32 bytes/);
    expect(found.find((i) => i.startsWith("GATEHOUSE_DEFAULT_ROLE is invalid"))).toBeDefined();
  });

  it("requires an audit chain key of at least 32 bytes", () => {
    expect(issues({ ...valid, GATEHOUSE_AUDIT_KEY: undefined })).toEqual([
      "GATEHOUSE_AUDIT_KEY is required but not set",
    ]);
    expect(issues({ ...valid, GATEHOUSE_AUDIT_KEY: "c2hvcnQ=" })[0]).toMatch(
      /^GATEHOUSE_AUDIT_KEY is invalid: .*32 bytes/,
    );
  });

  it("rejects a short session secret", () => {
    expect(issues({ ...valid, NEXTAUTH_SECRET: "short" })[0]).toMatch(
      /^NEXTAUTH_SECRET is invalid: must be at least 32/,
    );
  });
});
