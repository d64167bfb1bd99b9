import { describe, expect, it } from "vitest";
import { isActionOrSubpath } from "./kinds";
import { publishHits } from "./publish";
import { RUN_RULES, runHits } from "./run-table";

// The needle pre-checks skip a rule's regex when its literal is absent; they must never
// skip a line the regex would match.

describe("run-table needles", () => {
  it("every rule's needle is a literal of its own pattern", () => {
    for (const r of RUN_RULES) expect(r.re.source.replace(/\\/g, ""), r.tool).toContain(r.needle);
  });

  it("lines naming no tool yield nothing; each rule still fires on its own command", () => {
    expect(runHits("npm ci && npm test", false)).toEqual([]);
    const samples: Record<string, string> = {
      Grype: "grype dir:. --fail-on high",
      "cargo deny": "cargo deny --all-features check",
      "OWASP Dependency-Check": "./dependency-check.sh --scan .",
      SonarScanner: "mvn sonar:sonar",
      "GPG detached signature": "gpg --batch --detach-sign dist/a.tgz",
      "buildx SBOM": "docker buildx build --sbom=true -t x .",
      CycloneDX: "mvn cyclonedx:makeAggregateBom",
      "gh attestation verify": "gh attestation verify oci://x --owner a",
      "Notation verify": "notation verify ghcr.io/a/b@sha256:1",
    };
    for (const [tool, line] of Object.entries(samples))
      expect(
        runHits(line, false).map((h) => h.tool),
        line,
      ).toContain(tool);
  });
});

describe("publish needles", () => {
  const run = (text: string) => publishHits(undefined, {}, [{ text, index: 0 }]).map((h) => h.what);
  it("finds each command family through its needles", () => {
    expect(run("skopeo copy docker://a docker://b")).toEqual(["registry push"]);
    expect(run("oras push ghcr.io/a/b:1 x.tgz")).toEqual(["registry push"]);
    expect(run("./mvnw -B deploy")).toEqual(["mvn deploy"]);
    expect(run("dotnet nuget push x.nupkg")).toEqual(["nuget push"]);
    expect(run("gh release upload v1 dist/a.tar.gz")).toEqual(["gh release upload"]);
    expect(run("goreleaser release --snapshot")).toEqual([]);
    expect(run("echo build done")).toEqual([]);
  });
});

describe("isActionOrSubpath", () => {
  it("matches the action itself and paths inside it only", () => {
    expect(isActionOrSubpath("github/codeql-action/init", "github/codeql-action")).toBe(true);
    expect(isActionOrSubpath("actions/cache", "actions/cache")).toBe(true);
    expect(isActionOrSubpath("actions/cache-restore", "actions/cache")).toBe(false);
    expect(isActionOrSubpath("actions/attest-sbom", "actions/attest")).toBe(false);
    expect(isActionOrSubpath("actions", "actions/cache")).toBe(false);
  });
});
