// The assets a repository really has, read from its facts: nothing is invented, and an
// unknown part of the facts (null) contributes nothing rather than a guess.
import { parseDockerfile, isDockerfilePath } from "../analyzers/dockerfile/parse-dockerfile";
import { isManifestCandidate } from "../analyzers/k8s/analyze-manifests";
import type { RepoFacts } from "../facts/types";
import type { Asset, AssetKind, Stage } from "./model";

/** An id from free text (paths, environment names): ids carry no whitespace or commas. */
export function assetId(kind: AssetKind, key: string): string {
  return `${kind}:${key.replace(/[^A-Za-z0-9._:/@+=-]/g, "_")}`.slice(0, 200);
}

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/i;
// A cheap test instead of a YAML parse: generation runs for every repository after a sync.
const K8S_DOC = /^apiVersion:\s*\S+/m;
const K8S_KIND = /^kind:\s*\S+/m;

export function assetsFromFacts(facts: RepoFacts): Asset[] {
  const out = new Map<string, Asset>();
  const add = (kind: AssetKind, key: string, name: string, stage: Stage, detail = "") => {
    const id = assetId(kind, key);
    if (!out.has(id)) out.set(id, { id, kind, name, stage, detail, state: "active", origin: "generated" });
  };
  add(
    "repository",
    `${facts.owner}/${facts.name}`,
    `${facts.owner}/${facts.name}`,
    "source",
    facts.defaultBranch ? `default branch ${facts.defaultBranch}` : "",
  );
  const files = [...facts.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of files) {
    if (WORKFLOW.test(file.path)) add("workflow", file.path, file.path, "build");
    else if (isDockerfilePath(file.path)) {
      const bases = baseImages(file.path, file.text);
      add("dockerfile", file.path, file.path, "build", bases.length ? `FROM ${bases.join(", ")}` : "");
      for (const image of bases) add("base-image", image, image, "build", `used by ${file.path}`);
    } else if (
      isManifestCandidate(file.path) &&
      file.text &&
      K8S_DOC.test(file.text) &&
      K8S_KIND.test(file.text)
    )
      add("k8s-manifest", file.path, file.path, "deploy");
  }
  for (const image of facts.registry?.images ?? [])
    add("registry-image", image.name, image.name, "registry", image.latestDigest ?? "");
  const settings = facts.settings;
  for (const env of settings?.environments ?? []) {
    const reviewers = env.requiredReviewers.map((r) => r.login).join(", ");
    add(
      "environment",
      env.name,
      env.name,
      "deploy",
      reviewers ? `reviewers: ${reviewers}` : "no required reviewers",
    );
  }
  const secrets = [...(settings?.secrets ?? [])];
  for (const env of settings?.environments ?? [])
    for (const name of env.secretNames)
      secrets.push({ name, scope: "environment", environment: env.name, updatedAt: null });
  for (const s of secrets) {
    const where = s.scope === "environment" ? `environment ${s.environment ?? ""}`.trim() : s.scope;
    const key = s.scope === "environment" ? `${s.environment ?? ""}/${s.name}` : `${s.scope}/${s.name}`;
    add("secret", key, s.name, s.scope === "environment" ? "deploy" : "build", `${where} secret`);
  }
  return [...out.values()];
}

function baseImages(path: string, text: string | null): string[] {
  if (!text) return [];
  const parsed = parseDockerfile(path, text);
  if (!parsed.ok) return [];
  const images = new Set<string>();
  for (const stage of parsed.dockerfile.stages) {
    const from = stage.from;
    if (from.scratch || from.stageRef !== undefined || from.unresolved) continue;
    images.add(from.resolved);
  }
  return [...images].sort();
}
