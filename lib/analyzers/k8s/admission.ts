// Admission policies that make the cluster verify images before they run.
import type { Node } from "yaml";
import type { YamlDocs, YamlView } from "./yaml-nodes";

export type AdmissionEngine = "kyverno" | "gatekeeper" | "sigstore-policy-controller" | "ratify";

export interface AdmissionPolicy {
  engine: AdmissionEngine;
  kind: string;
  name: string;
  line: number;
  /** The policy checks image signatures/attestations (not only e.g. labels). */
  verifiesImages: boolean;
}

export function policyOf(
  y: YamlView,
  docs: YamlDocs,
  apiVersion: string,
  kind: string,
  name: string,
  root: Node | undefined,
): AdmissionPolicy | undefined {
  const group = apiVersion.split("/")[0] ?? "";
  const line = docs.lineOf(root);
  if (group === "kyverno.io" && (kind === "ClusterPolicy" || kind === "Policy")) {
    const rules = y.items(y.path(root, ["spec", "rules"]));
    const verifiesImages = rules.some((r) => y.items(y.get(r, "verifyImages")).length > 0);
    return { engine: "kyverno", kind, name, line, verifiesImages };
  }
  if (group === "policies.kyverno.io" && kind === "ImageValidatingPolicy") {
    return { engine: "kyverno", kind, name, line, verifiesImages: true };
  }
  if (group === "policy.sigstore.dev" && kind === "ClusterImagePolicy") {
    return { engine: "sigstore-policy-controller", kind, name, line, verifiesImages: true };
  }
  if (
    group === "constraints.gatekeeper.sh" ||
    (group === "templates.gatekeeper.sh" && kind === "ConstraintTemplate")
  ) {
    // Gatekeeper verifies signatures only through an external data provider (e.g. ratify).
    const text = y.scalarText(root, 200_000);
    return {
      engine: "gatekeeper",
      kind,
      name,
      line,
      verifiesImages: /ratify|cosign|signature|verif/i.test(text),
    };
  }
  if (group === "config.ratify.deislabs.io" && (kind === "Verifier" || kind === "KeyManagementProvider")) {
    return { engine: "ratify", kind, name, line, verifiesImages: true };
  }
  return undefined;
}
