import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeDemoEnv } from "./demo-env";

const dir = mkdtempSync(path.join(os.tmpdir(), "gatehouse-demo-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo.env", () => {
  it("round-trips every value through `set -a; . file; set +a` in sh, and is private", () => {
    const env = {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:41234/postgres?sslmode=disable",
      NEXTAUTH_SECRET: "a+b/c=d$HOME`x`'q'\"",
      GATEHOUSE_ADMINS: "alice,bob",
    };
    const file = writeDemoEnv(dir, env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const out = execFileSync(
      "sh",
      ["-c", `set -a; . "$1"; set +a; node -e 'console.log(JSON.stringify(process.env))'`, "sh", file],
      { env: { PATH: process.env.PATH, NODE_ENV: "test" }, encoding: "utf8" },
    );
    expect(JSON.parse(out)).toMatchObject(env);
  });

  it("refuses names the shell would not export", () => {
    expect(() => writeDemoEnv(dir, { "BAD-NAME": "x" })).toThrow(/BAD-NAME/);
  });
});
