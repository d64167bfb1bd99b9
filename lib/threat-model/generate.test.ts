import { describe, expect, it } from "vitest";
import { catalogue } from "../checks/catalogue";
import { makeEnvironment, makeFacts } from "../../testing/facts";
import { DEFAULT_THREATS } from "./default-threats";
import { generateThreatModel } from "./generate";
import { threatModelSchema } from "./model";

// makeFacts merges partial settings over the well-configured baseline.
const makeSettings = (s: NonNullable<Parameters<typeof makeFacts>[0]>["settings"]) => s;

const facts = makeFacts({
  owner: "acme",
  name: "api",
  files: [
    { path: ".github/workflows/ci.yml", text: "on: push\njobs: {}\n" },
    { path: ".github/workflows/release.yaml", text: "on: push\njobs: {}\n" },
    {
      path: "Dockerfile",
      text:
        "FROM node:20 AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20@sha256:" +
        "a".repeat(64) +
        "\nCOPY --from=build /app /app\n",
    },
    { path: "deploy/app.yaml", text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n" },
    { path: "docs/mkdocs.yaml", text: "site_name: docs\n" },
  ],
  registry: {
    images: [
      {
        name: "ghcr.io/acme/api",
        latestDigest: "sha256:" + "b".repeat(64),
        tags: ["1.0"],
        signed: true,
        provenance: null,
        sbom: null,
      },
    ],
  },
  settings: makeSettings({
    environments: [makeEnvironment({ name: "production", secretNames: ["DEPLOY_KEY"] })],
    secrets: [{ name: "NPM_TOKEN", scope: "repository", updatedAt: null }],
  }),
});

describe("generateThreatModel", () => {
  const model = generateThreatModel(facts);
  const ids = model.assets.map((a) => a.id);

  it("lists the assets the repository really has, each in its stage", () => {
    expect(ids).toEqual([
      "repository:acme/api",
      "workflow:.github/workflows/ci.yml",
      "workflow:.github/workflows/release.yaml",
      "dockerfile:Dockerfile",
      "base-image:gcr.io/distroless/nodejs20@sha256:" + "a".repeat(64),
      "base-image:node:20",
      "k8s-manifest:deploy/app.yaml",
      "registry-image:ghcr.io/acme/api",
      "environment:production",
      "secret:repository/NPM_TOKEN",
      "secret:production/DEPLOY_KEY",
    ]);
    expect(model.assets.find((a) => a.kind === "dockerfile")?.detail).toContain("FROM gcr.io/distroless");
    expect(model.assets.find((a) => a.id === "secret:production/DEPLOY_KEY")?.stage).toBe("deploy");
  });

  it("draws the source → build → registry → deploy boundaries", () => {
    expect(model.boundaries.map((b) => `${b.from}>${b.to}`)).toEqual([
      "source>build",
      "build>registry",
      "registry>deploy",
    ]);
  });

  it("places every default threat on the assets it concerns, with its checks as controls", () => {
    expect(model.threats).toHaveLength(DEFAULT_THREATS.length);
    const tamper = model.threats.find((t) => t.id === "threat:artifact-tampering")!;
    expect(tamper.assetIds).toEqual(["registry-image:ghcr.io/acme/api"]);
    expect(tamper.category).toBe("tampering");
    const deploy = model.threats.find((t) => t.id === "threat:unauthorised-deployment")!;
    expect(deploy.assetIds).toEqual(["k8s-manifest:deploy/app.yaml", "environment:production"]);
    // persisted-checkout-credentials answers two threats: one shared control, two links.
    const shared = model.controls.filter(
      (c) => c.kind === "check" && c.check === "persisted-checkout-credentials",
    );
    expect(shared).toHaveLength(1);
    expect(model.threats.filter((t) => t.controls.some((l) => l.controlId === shared[0]!.id))).toHaveLength(
      2,
    );
    expect(threatModelSchema.safeParse(model).success).toBe(true);
  });

  // Some checks CHECKS.md names are still being written: their controls stay (status "missing").
  it("names checks the catalogue has for most controls", () => {
    const known = new Set(catalogue.map((c) => c.id));
    const checks = model.controls.flatMap((c) => (c.kind === "check" ? [c.check] : []));
    expect(checks.filter((c) => known.has(c)).length).toBeGreaterThan(checks.length / 2);
  });

  it("adds nothing for facts it does not know", () => {
    const bare = generateThreatModel(makeFacts({ settings: null, registry: null, files: [] }));
    expect(bare.assets.map((a) => a.kind)).toEqual(["repository"]);
  });
});
