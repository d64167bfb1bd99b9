import { describe, expect, it } from "vitest";
import { predicateTypesOf } from "./github-attestations";
import { containerPackagesOf, ghcrImage, packageVersionsOf } from "./github-packages";

const D = `sha256:${"f".repeat(64)}`;
const bundle = (statement: unknown) => ({
  bundle: {
    dsseEnvelope: {
      payload: Buffer.from(JSON.stringify(statement)).toString("base64"),
      payloadType: "application/vnd.in-toto+json",
    },
  },
});

describe("predicateTypesOf", () => {
  it("reads predicate types from the DSSE payload of each bundle", () => {
    const body = {
      attestations: [
        bundle({ predicateType: "https://slsa.dev/provenance/v1" }),
        bundle({ predicateType: "https://slsa.dev/provenance/v1" }),
        bundle({ predicateType: "https://spdx.dev/Document/v2.3" }),
      ],
    };
    expect(predicateTypesOf(body)).toEqual({
      predicateTypes: ["https://slsa.dev/provenance/v1", "https://spdx.dev/Document/v2.3"],
      skipped: 0,
    });
  });

  it("skips unreadable bundles and rejects unexpected answers", () => {
    expect(
      predicateTypesOf({
        attestations: [
          { bundle: { dsseEnvelope: { payload: "!!notbase64json" } } },
          { bundle: null },
          bundle({ nope: 1 }),
        ],
      }),
    ).toEqual({ predicateTypes: [], skipped: 3 });
    expect(predicateTypesOf({ message: "Not Found" })).toBeNull();
    expect(predicateTypesOf("x")).toBeNull();
  });
});

describe("GitHub packages", () => {
  const packages = [
    { name: "api", package_type: "container", repository: { full_name: "Acme/API" } },
    { name: "worker", package_type: "container", repository: { full_name: "acme/other" } },
    { name: "lib", package_type: "npm", repository: { full_name: "acme/api" } },
    { name: "orphan", package_type: "container", repository: null },
    { junk: true },
  ];

  it("keeps the container packages of one repository", () => {
    expect(containerPackagesOf(packages, "acme/api")).toEqual(["api"]);
  });

  it("turns versions into digests, tags and dates, skipping non-digest names", () => {
    const versions = [
      {
        name: D,
        created_at: "2024-01-01T00:00:00Z",
        metadata: { package_type: "container", container: { tags: ["latest"] } },
      },
      { name: "1.0.0", created_at: "2024-01-01T00:00:00Z" },
      { name: D.replace("f", "e"), created_at: "2024-02-01T00:00:00Z", metadata: {} },
    ];
    expect(packageVersionsOf(versions)).toEqual([
      { digest: D, tags: ["latest"], createdAt: "2024-01-01T00:00:00Z" },
      { digest: D.replace("f", "e"), tags: [], createdAt: "2024-02-01T00:00:00Z" },
    ]);
    expect(ghcrImage("Acme", "API", null)).toEqual({ name: "ghcr.io/acme/api" });
    expect(ghcrImage("acme", "api", versions).versions).toHaveLength(2);
  });
});
