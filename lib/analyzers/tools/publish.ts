// Steps that publish an artifact others will consume: container images, packages, release assets.
import { isActionOrSubpath } from "./kinds";

export type ArtifactKind = "image" | "package" | "release";

export interface PublishHit {
  kind: ArtifactKind;
  what: string;
  runIndex?: number;
}

const off = (v: string | undefined) => v !== undefined && /^(false|0|no)$/i.test(v.trim());

const ACTIONS: Array<{ action: string; kind: ArtifactKind; when?: (w: Record<string, string>) => boolean }> =
  [
    { action: "docker/build-push-action", kind: "image", when: (w) => w.push !== undefined && !off(w.push) },
    // Without args goreleaser runs `release`; build/check/--snapshot publish nothing.
    {
      action: "goreleaser/goreleaser-action",
      kind: "release",
      when: (w) => !/(^|\s)(build|check|healthcheck)\b|--snapshot|--skip[=\s]*publish/.test(w.args ?? ""),
    },
    { action: "pypa/gh-action-pypi-publish", kind: "package" },
    { action: "js-devtools/npm-publish", kind: "package" },
    { action: "softprops/action-gh-release", kind: "release", when: (w) => w.files !== undefined },
    { action: "ncipollo/release-action", kind: "release", when: (w) => w.artifacts !== undefined },
    { action: "svenstaro/upload-release-action", kind: "release" },
    { action: "actions/upload-release-asset", kind: "release" },
    { action: "redhat-actions/push-to-registry", kind: "image" },
    { action: "elgohr/publish-docker-github-action", kind: "image" },
    { action: "ko-build/setup-ko", kind: "image", when: () => false },
  ];

const W = "(?:^|[\\s;&|(`])";
// `needles`: literals one of which every match of `re` contains, so most lines skip the regexes.
const COMMANDS: Array<{ re: RegExp; kind: ArtifactKind; what: string; needles: string[] }> = [
  { re: new RegExp(`${W}(docker|podman)\\s+push\\b`), kind: "image", what: "docker push", needles: ["push"] },
  {
    re: new RegExp(`${W}docker\\s+(buildx\\s+)?build\\b[^\\n]*\\s--push\\b`),
    kind: "image",
    what: "docker buildx build --push",
    needles: ["--push"],
  },
  {
    re: new RegExp(`${W}docker\\s+buildx\\s+bake\\b[^\\n]*\\s--push\\b`),
    kind: "image",
    what: "docker buildx bake --push",
    needles: ["--push"],
  },
  {
    re: new RegExp(`${W}ko\\s+(build|publish|resolve|apply)\\b`),
    kind: "image",
    what: "ko build",
    needles: ["ko"],
  },
  {
    re: new RegExp(`${W}(crane|skopeo|oras)\\s+(push|copy|cp)\\b`),
    kind: "image",
    what: "registry push",
    needles: ["crane", "skopeo", "oras"],
  },
  { re: new RegExp(`${W}helm\\s+push\\b`), kind: "package", what: "helm push", needles: ["helm"] },
  {
    re: new RegExp(`${W}(npm|pnpm|yarn|bun)\\s+(npm\\s+)?publish\\b`),
    kind: "package",
    what: "npm publish",
    needles: ["publish"],
  },
  {
    re: new RegExp(`${W}(lerna|changeset)\\s+publish\\b`),
    kind: "package",
    what: "npm publish",
    needles: ["publish"],
  },
  { re: new RegExp(`${W}twine\\s+upload\\b`), kind: "package", what: "twine upload", needles: ["twine"] },
  {
    re: new RegExp(`${W}(uv|poetry|flit|hatch|pdm)\\s+publish\\b`),
    kind: "package",
    what: "Python package publish",
    needles: ["publish"],
  },
  { re: new RegExp(`${W}cargo\\s+publish\\b`), kind: "package", what: "cargo publish", needles: ["publish"] },
  { re: new RegExp(`${W}gem\\s+push\\b`), kind: "package", what: "gem push", needles: ["gem"] },
  {
    re: new RegExp(`${W}(mvn|\\./mvnw)\\s[^\\n]*\\bdeploy\\b`),
    kind: "package",
    what: "mvn deploy",
    needles: ["deploy"],
  },
  {
    re: new RegExp(`${W}(gradle|\\./gradlew)\\s[^\\n]*\\bpublish\\w*\\b`),
    kind: "package",
    what: "gradle publish",
    needles: ["publish"],
  },
  {
    re: new RegExp(`${W}dotnet\\s+nuget\\s+push\\b`),
    kind: "package",
    what: "nuget push",
    needles: ["nuget"],
  },
  {
    re: new RegExp(`${W}goreleaser\\s+release\\b`),
    kind: "release",
    what: "goreleaser release",
    needles: ["goreleaser"],
  },
  {
    re: new RegExp(
      `${W}gh\\s+release\\s+(create|upload)\\b[^\\n]*\\s[\\w./*-]+\\.(tar\\.gz|tgz|zip|whl|jar|deb|rpm|exe|msi|dmg|bin)\\b`,
    ),
    kind: "release",
    what: "gh release upload",
    needles: ["release"],
  },
  {
    re: new RegExp(`${W}gh\\s+release\\s+upload\\b`),
    kind: "release",
    what: "gh release upload",
    needles: ["release"],
  },
];

const ANY_NEEDLE = new RegExp([...new Set(COMMANDS.flatMap((c) => c.needles))].join("|"));

export function publishHits(
  action: string | undefined,
  w: Record<string, string>,
  runLines: ReadonlyArray<{ text: string; index: number }>,
): PublishHit[] {
  const out: PublishHit[] = [];
  if (action) {
    const a = ACTIONS.find((r) => isActionOrSubpath(action, r.action));
    if (a && (!a.when || a.when(w))) out.push({ kind: a.kind, what: `uses ${a.action}` });
  }
  for (const l of runLines) {
    if (l.text.length > 20_000 || !ANY_NEEDLE.test(l.text) || /^\s*#/.test(l.text)) continue;
    const c = COMMANDS.find((r) => r.needles.some((n) => l.text.includes(n)) && r.re.test(l.text));
    if (c && !(c.what === "goreleaser release" && /--snapshot/.test(l.text)))
      out.push({ kind: c.kind, what: c.what, runIndex: l.index });
  }
  return out;
}
