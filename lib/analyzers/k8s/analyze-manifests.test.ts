import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeManifests, isManifestCandidate } from "./analyze-manifests";
import { iacPresence, hasIac } from "./iac-presence";

const fx = (name: string) => readFileSync(path.join(__dirname, "__fixtures__", name), "utf8");

describe("analyzeManifests", () => {
  it("reads pod and container security settings with lines", () => {
    const f = analyzeManifests("k8s/api.yaml", fx("deployment-hardened.yaml"));
    expect(f.isKubernetes).toBe(true);
    expect(f.workloads).toHaveLength(1);
    const w = f.workloads[0]!;
    expect(w).toMatchObject({
      kind: "Deployment",
      name: "api",
      podRunAsNonRoot: { value: true, line: 17 },
      podRunAsUser: { value: 10001, line: 18 },
    });
    expect(w.containers[0]).toMatchObject({
      name: "api",
      allowPrivilegeEscalation: { value: false, line: 23 },
    });
  });

  it("finds privileged containers, docker.sock hostPath and CronJob templates", () => {
    const f = analyzeManifests("k8s/risky.yaml", fx("workloads-risky.yaml"));
    const [ds, cj] = f.workloads;
    expect(ds?.containers[0]?.privileged).toEqual({ value: true, line: 12 });
    expect(ds?.dockerSocketMounts).toEqual([{ value: "/var/run/docker.sock", line: 19 }]);
    expect(cj?.kind).toBe("CronJob");
    expect(cj?.containers.map((c) => `${c.kind}:${c.name}`)).toEqual([
      "containers:job",
      "initContainers:init",
    ]);
    expect(cj?.containers[0]?.runAsNonRoot?.value).toBe(false);
  });

  it("recognises admission policies and whether they verify images", () => {
    const f = analyzeManifests("policy/p.yaml", fx("policies.yaml"));
    expect(f.policies.map((p) => [p.engine, p.name, p.verifiesImages])).toEqual([
      ["kyverno", "verify-signed", true],
      ["kyverno", "require-labels", false],
      ["sigstore-policy-controller", "acme-images", true],
    ]);
  });

  it("reports unparsable or hostile YAML as errors, never throws", () => {
    expect(analyzeManifests("t.yaml", "a: [\n").errors.length).toBeGreaterThan(0);
    const deep = analyzeManifests("d.yaml", "[".repeat(50_000) + "]".repeat(50_000));
    expect(deep.errors.length).toBeGreaterThan(0);
    const bomb = [
      "a: &a [x,x,x,x,x,x,x,x,x]",
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "apiVersion: constraints.gatekeeper.sh/v1beta1",
      "kind: K8sX",
      "spec: [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
    ].join("\n");
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    const g = analyzeManifests("g.yaml", bomb);
    expect(g.policies[0]?.engine).toBe("gatekeeper");
    expect(analyzeManifests("big.yaml", "a: b\n".repeat(500_000)).errors[0]).toMatch(/larger than/);
    const proto = analyzeManifests(
      "p.yaml",
      "__proto__: {polluted: 1}\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: x}]}\n",
    );
    expect(proto.workloads).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("only reads YAML outside CI/tool config as manifest candidates", () => {
    expect(isManifestCandidate("deploy/app.yaml")).toBe(true);
    expect(isManifestCandidate(".github/workflows/ci.yml")).toBe(false);
    expect(isManifestCandidate("charts/x/Chart.yaml")).toBe(false);
  });
});

describe("iacPresence", () => {
  it("detects terraform, helm and kustomize by path", () => {
    const p = iacPresence(
      ["infra/main.tf", "charts/api/Chart.yaml", "k/kustomization.yaml", "node_modules/x/a.tf", "README.md"],
      ["k8s/a.yaml"],
    );
    expect(p).toEqual({
      terraform: ["infra/main.tf"],
      helm: ["charts/api/Chart.yaml"],
      kubernetes: ["k8s/a.yaml", "k/kustomization.yaml"],
    });
    expect(hasIac(iacPresence(["src/a.ts"], []))).toBe(false);
  });
});
