// lib/server/<entity>/ holds only authorised verbs: one exported function per file that
// calls authorize() before touching data. Code that does not authorise (adapters,
// write paths run by the system, helpers) lives in lib/server/internal/, and the
// authorisation machinery itself in lib/server/authz/. This walk keeps it that way.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = __dirname;
const EXEMPT = new Set(["internal", "authz"]);

function verbFiles(): string[] {
  return readdirSync(SERVER)
    .filter((entry) => !EXEMPT.has(entry) && statSync(path.join(SERVER, entry)).isDirectory())
    .flatMap((entity) =>
      readdirSync(path.join(SERVER, entity))
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => path.join(entity, f)),
    );
}

describe("lib/server/<entity>/", () => {
  it("has verbs to check", () => {
    expect(verbFiles().length).toBeGreaterThan(10);
  });

  it.each(verbFiles())("%s calls authorize()", (file) => {
    const source = readFileSync(path.join(SERVER, file), "utf8");
    expect(source, `${file} does not authorise: move it to lib/server/internal/ or call authorize()`).toMatch(
      /\bauthorize\(/,
    );
  });

  it.each(verbFiles())("%s is named verb-noun", (file) => {
    expect(path.basename(file)).toMatch(/^[a-z]+-[a-z0-9-]+\.tsx?$/);
  });
});
