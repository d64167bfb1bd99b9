// The shipped deployment files keep their promises: .env.example runs as is, compose
// fails fast on every required variable, images are pinned by digest, the container
// runs as non-root, and the project's own workflow pins actions with read-only defaults.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "../lib/env";

const read = (f: string) => readFileSync(f, "utf8");

function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe("deployment files", () => {
  it("package-lock.json is complete enough for npm ci (optional platform packages recorded)", () => {
    expect(() =>
      execFileSync(process.execPath, ["scripts/lockfile/fill-unmirrored-optionals.mjs", "--check"], {
        stdio: "pipe",
      }),
    ).not.toThrow();
  });

  const example = dotenv(read(".env.example"));

  it(".env.example passes the app's own environment validation", () => {
    expect(() => parseEnv(example)).not.toThrow();
  });

  it("compose requires with ${VAR:?…} only variables that .env.example provides", () => {
    const compose = read("docker-compose.yml");
    const required = [...compose.matchAll(/\$\{([A-Z0-9_]+):\?[^}]+\}/g)].map((m) => m[1]!);
    expect(new Set(required)).toEqual(
      new Set([
        "POSTGRES_PASSWORD",
        "NEXTAUTH_URL",
        "NEXTAUTH_SECRET",
        "GATEHOUSE_ENCRYPTION_KEY",
        "GATEHOUSE_AUDIT_KEY",
        "GATEHOUSE_RUNTIME_PASSWORD",
        "GITHUB_CLIENT_ID",
        "GITHUB_CLIENT_SECRET",
        "GATEHOUSE_ADMINS",
      ]),
    );
    for (const name of required) expect(example[name], name).toBeTruthy();
    const doc = parse(compose, { merge: true }) as {
      services: Record<string, { image?: string; healthcheck?: unknown; depends_on?: unknown }>;
    };
    expect(Object.keys(doc.services).sort()).toEqual(["db", "migrate", "web", "worker"]);
    expect(doc.services.db!.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(doc.services.db!.healthcheck).toBeDefined();
    expect(doc.services.web!.depends_on).toEqual({
      migrate: { condition: "service_completed_successfully" },
    });
  });

  it("web and worker connect as the runtime role; only migrate connects as the owner (and grants the role)", () => {
    type Svc = { environment?: Record<string, string> };
    const doc = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Svc> };
    const user = (svc: string) =>
      /^postgresql:\/\/(.+?):\$\{(?:POSTGRES|GATEHOUSE_RUNTIME)_PASSWORD/.exec(
        doc.services[svc]!.environment!.DATABASE_URL!,
      )?.[1];
    expect(user("migrate")).toBe("gatehouse");
    expect(user("web")).toBe("${GATEHOUSE_RUNTIME_ROLE:-gatehouse_app}");
    expect(user("worker")).toBe(user("web"));
    expect(doc.services.migrate!.environment!.GATEHOUSE_RUNTIME_ROLE).toBe(
      "${GATEHOUSE_RUNTIME_ROLE:-gatehouse_app}",
    );
    expect(example.GATEHOUSE_RUNTIME_ROLE).toBe("gatehouse_app");
  });

  it("the Dockerfile is multi-stage, pins its base by digest and runs as a non-root user", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:[\w.-]+@sha256:[0-9a-f]{64}$/m);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(finalStage).toMatch(/^USER node$/m);
  });

  it("production web starts through the launcher (one `next start` per core) wherever it starts", () => {
    expect(read("Dockerfile")).toMatch(/^CMD \["node", "scripts\/web\/serve\.mjs", "-H", "0\.0\.0\.0"\]$/m);
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe("node scripts/web/serve.mjs -H 127.0.0.1");
    type Svc = { command?: unknown; environment?: Record<string, string> };
    const web = (parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Svc> })
      .services.web!;
    expect(web.command).toBeUndefined(); // the image's CMD
    expect(web.environment!.GATEHOUSE_WEB_PROCESSES).toBe("${GATEHOUSE_WEB_PROCESSES:-}");
    expect(web.environment!.DATABASE_URL).toBeDefined(); // the shared variables are kept
  });

  it("the project's workflow pins every action by SHA and defaults the token to read", () => {
    const wf = parse(read(".github/workflows/ci.yml")) as {
      permissions: unknown;
      jobs: Record<string, { steps: Array<{ uses?: string }> }>;
    };
    expect(wf.permissions).toEqual({ contents: "read" });
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter(Boolean));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });
});
